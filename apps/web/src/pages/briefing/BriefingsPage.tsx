import { PlusOutlined } from '@ant-design/icons';
import { type Briefing, yearProblem } from '@lianxi/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Empty, Form, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { post } from '../../api/client';
import { figureKeys, useBriefings } from '../../api/figures';
import { isOffice, useMe } from '../../auth';
import { ActionModal } from '../../components/ActionModal';
import { QueryState } from '../../components/QueryState';
import { currentMonth, monthBounds, reportingMonth } from '../../lib/figures';
import { formatTime } from '../../lib/format';
import { BriefingStatusTag, periodText } from './briefing-parts';

/** 生成简报: the platform drafts the issue from the period's meetings, orders and figures. */
function ComposeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const last = monthBounds(reportingMonth());
  const thisMonth = monthBounds(currentMonth());
  // Last month is offered, but a typed range must win: the picker reads the ways clerks type
  // a date (a form it could not read used to fall back to this default without a word).
  const presets = [
    { label: '上月', value: [dayjs(last.from), dayjs(last.to)] as [Dayjs, Dayjs] },
    { label: '本月', value: [dayjs(thisMonth.from), dayjs()] as [Dayjs, Dayjs] },
    { label: '今年以来', value: [dayjs().startOf('year'), dayjs()] as [Dayjs, Dayjs] },
  ];
  return (
    <ActionModal<{ period: [Dayjs, Dayjs] }>
      open={open}
      title="生成简报"
      okText="生成草稿"
      formName="compose-briefing"
      onClose={onClose}
      initialValues={{ period: presets[0].value }}
      aliases={{ from: 'period', to: 'period' }}
      submit={async (v) => {
        const b = await post<Briefing>('/api/briefings', {
          from: v.period[0].format('YYYY-MM-DD'),
          to: v.period[1].format('YYYY-MM-DD'),
        });
        await client.invalidateQueries({ queryKey: figureKeys.briefings });
        navigate(`/briefings/${b.id}`);
      }}
      success="简报草稿已生成，请核对修改后印发"
    >
      <Typography.Paragraph type="secondary">
        按统计期间汇总会议、交办、线索移送、已审核的统计数据和逾期督办事项，生成新一期简报草稿（期号按年度顺延）。
      </Typography.Paragraph>
      <Form.Item
        label="统计期间"
        name="period"
        rules={[
          { required: true, message: '请选择或输入统计期间（如 2026-11-01）' },
          {
            validator: async (_, value: [Dayjs, Dayjs] | null | undefined) => {
              const problem = value
                ? (yearProblem(value[0].year(), new Date()) ??
                  yearProblem(value[1].year(), new Date()))
                : null;
              if (problem) throw new Error(problem);
            },
          },
        ]}
      >
        <DatePicker.RangePicker
          // the first format is shown; the others are read when typed
          format={['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYY-M-D', 'YYYY/M/D', 'YYYYMMDD']}
          presets={presets}
          placeholder={['开始日期', '结束日期']}
          style={{ width: '100%' }}
          data-testid="briefing-period"
        />
      </Form.Item>
    </ActionModal>
  );
}

/** 工作简报: every issue, newest first (units, supervisors and leaders see published ones). */
export default function BriefingsPage() {
  const me = useMe();
  const office = isOffice(me.role);
  const query = useBriefings();
  const [composing, setComposing] = useState(false);
  return (
    <Card
      title="工作简报"
      extra={
        office && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setComposing(true)}
            data-testid="briefing-new"
          >
            生成简报
          </Button>
        )
      }
    >
      <QueryState {...query}>
        {(items) => (
          <Table<Briefing>
            rowKey="id"
            dataSource={[...items].sort((a, b) => b.year - a.year || b.issueNo - a.issueNo)}
            pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 860 }}
            data-testid="briefing-list"
            locale={{
              emptyText: <Empty description={office ? '尚未编发简报' : '暂无已印发的简报'} />,
            }}
            columns={[
              {
                title: '期号',
                key: 'no',
                width: 130,
                render: (_, b) => `${b.year} 年第 ${b.issueNo} 期`,
              },
              {
                title: '标题',
                key: 'headline',
                render: (_, b) => (
                  <Link to={`/briefings/${b.id}`} data-testid="briefing-link">
                    {b.sections.headline}
                  </Link>
                ),
              },
              { title: '统计期间', key: 'period', width: 300, render: (_, b) => periodText(b) },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (s: Briefing['status']) => <BriefingStatusTag status={s} />,
              },
              { title: '印发时间', dataIndex: 'publishedAt', width: 180, render: formatTime },
            ]}
          />
        )}
      </QueryState>
      {office && <ComposeModal open={composing} onClose={() => setComposing(false)} />}
    </Card>
  );
}
