import { PlusOutlined } from '@ant-design/icons';
import { type Briefing, BRIEFING_STATUS_LABELS, yearProblem } from '@lianxi/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useConferenceTree } from '../../api/conferences';
import { figureKeys } from '../../api/stat-reports';
import { isOffice, useMe } from '../../auth';
import { ActionModal } from '../../components/ActionModal';
import { useFromList } from '../../components/Breadcrumbs';
import { SearchableList } from '../../components/SearchableList';
import type { SearchField } from '../../components/SearchBar';
import { options } from '../../components/search-fields';
import { currentMonth, monthBounds, reportingMonth } from '../../lib/figures';
import { sortOrderOf, useUrlFilters } from '../../lib/url-filters';
import { BriefingStatusTag, periodText } from './briefing-parts';
import { createBriefing, useBriefingList } from '../../api/briefings';

/** 生成简报: the platform drafts the issue from the period's meetings, orders and figures. */
function ComposeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const last = monthBounds(reportingMonth());
  const thisMonth = monthBounds(currentMonth());
  // a conference with conferences below may state their figures too, summed and by district
  const hasBelow = (useConferenceTree().data?.items.length ?? 0) > 0;
  // Last month is offered, but a typed range must win: the picker reads the ways clerks type
  // a date (a form it could not read used to fall back to this default without a word).
  const presets = [
    { label: '上月', value: [dayjs(last.from), dayjs(last.to)] as [Dayjs, Dayjs] },
    { label: '本月', value: [dayjs(thisMonth.from), dayjs()] as [Dayjs, Dayjs] },
    { label: '今年以来', value: [dayjs().startOf('year'), dayjs()] as [Dayjs, Dayjs] },
  ];
  return (
    <ActionModal<{ period: [Dayjs, Dayjs]; tree?: boolean }>
      open={open}
      title="生成简报"
      okText="生成草稿"
      formName="compose-briefing"
      onClose={onClose}
      initialValues={{ period: presets[0].value }}
      aliases={{ from: 'period', to: 'period' }}
      submit={async (v) => {
        const b = await createBriefing({
          from: v.period[0].format('YYYY-MM-DD'),
          to: v.period[1].format('YYYY-MM-DD'),
          ...(hasBelow && v.tree ? { coverage: 'tree' as const } : {}),
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
      {hasBelow && (
        <Form.Item name="tree" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox data-testid="briefing-tree">
            统计数字含下级联席会议（先写合计，再逐个写各下级）
          </Checkbox>
        </Form.Item>
      )}
    </ActionModal>
  );
}

const FILTERS = ['q', 'status', 'issuedFrom', 'issuedTo', 'from', 'to'] as const;

/**
 * 工作简报: every issue, newest first, searched by issue or headline, status, issue date and
 * period (units, supervisors and leaders see published ones only).
 */
export default function BriefingsPage() {
  const me = useMe();
  const office = isOffice(me.role);
  const list = useUrlFilters(FILTERS);
  const query = useBriefingList(list.apiQuery);
  const [composing, setComposing] = useState(false);
  const from = useFromList('工作简报');
  const sortable = (key: string) => ({ sorter: true, sortOrder: sortOrderOf(list.sort, key) });
  const fields: SearchField[] = [
    { kind: 'text', name: 'q', placeholder: '期号 / 标题', width: 180 },
    ...(office
      ? [
          {
            kind: 'select' as const,
            name: 'status',
            placeholder: '状态',
            options: options(BRIEFING_STATUS_LABELS),
            width: 110,
          },
        ]
      : []),
    {
      kind: 'dates',
      from: 'issuedFrom',
      to: 'issuedTo',
      placeholder: ['印发日期自', '印发日期至'],
    },
    { kind: 'dates', from: 'from', to: 'to', placeholder: ['统计期间自', '统计期间至'] },
  ];
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
      <SearchableList<Briefing, (typeof FILTERS)[number]>
        list={list}
        fields={fields}
        query={query}
        testId="briefing-list"
        empty={
          Object.keys(list.filters).length
            ? '没有符合条件的简报'
            : office
              ? '尚未编发简报'
              : '暂无已印发的简报'
        }
        scrollX={860}
        columns={[
          {
            title: '期号',
            key: 'issueNo',
            width: 140,
            ...sortable('issueNo'),
            render: (_, b) => `${b.year} 年第 ${b.issueNo} 期`,
          },
          {
            title: '标题',
            key: 'headline',
            render: (_, b) => (
              <Link
                to={`/briefings/${b.id}`}
                state={from}
                data-testid="briefing-link"
                className="lx-wrap"
              >
                {b.sections.headline}
              </Link>
            ),
          },
          {
            title: '统计期间',
            key: 'period',
            width: 260,
            className: 'lx-wrap',
            ...sortable('period'),
            render: (_, b) => periodText(b),
          },
          {
            title: '状态',
            dataIndex: 'status',
            key: 'status',
            width: 90,
            render: (st: Briefing['status']) => <BriefingStatusTag status={st} />,
          },
          {
            title: '印发日期',
            dataIndex: 'issuedOn',
            key: 'issuedOn',
            width: 130,
            ...sortable('issuedOn'),
            render: (d: string, b) => (b.status === 'published' ? d : '—'),
          },
        ]}
      />
      {office && <ComposeModal open={composing} onClose={() => setComposing(false)} />}
    </Card>
  );
}
