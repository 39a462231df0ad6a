import { PlusOutlined } from '@ant-design/icons';
import type { Briefing } from '@lianxi/domain';
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
import { monthBounds, reportingMonth } from '../../lib/figures';
import { formatTime } from '../../lib/format';
import { BriefingStatusTag, periodText } from './briefing-parts';

/** 生成简报: the platform drafts the issue from the period's meetings, orders and figures. */
function ComposeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const last = monthBounds(reportingMonth());
  return (
    <ActionModal<{ period: [Dayjs, Dayjs] }>
      open={open}
      title="生成简报"
      okText="生成草稿"
      formName="compose-briefing"
      onClose={onClose}
      initialValues={{ period: [dayjs(last.from), dayjs(last.to)] }}
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
        rules={[{ required: true, message: '请选择统计期间' }]}
      >
        <DatePicker.RangePicker
          format="YYYY-MM-DD"
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
