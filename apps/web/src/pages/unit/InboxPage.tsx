import type { TaskStatus } from '@lianxi/domain';
import { Badge, Card, Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTasksIn } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { SearchBar, type SearchField } from '../../components/SearchBar';
import { LEVEL_OPTIONS } from '../../components/search-fields';
import { TaskTable } from '../../components/TaskTable';
import { useUrlFilters } from '../../lib/url-filters';

const FILTERS = ['q', 'level', 'dueFrom', 'dueTo'] as const;
const FIELDS: SearchField[] = [
  { kind: 'text', name: 'q', placeholder: '编号 / 标题' },
  { kind: 'select', name: 'level', placeholder: '督办等级', options: LEVEL_OPTIONS, width: 160 },
  { kind: 'dates', from: 'dueFrom', to: 'dueTo', placeholder: ['期限自', '期限至'] },
];
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

const TABS: { key: string; label: string; statuses: TaskStatus[]; empty: string }[] = [
  { key: 'issued', label: '待签收', statuses: ['issued'], empty: '没有待签收的任务' },
  { key: 'doing', label: '办理中', statuses: ['accepted', 'returned'], empty: '没有办理中的任务' },
  { key: 'done', label: '已反馈', statuses: ['reported', 'closed'], empty: '没有已反馈的任务' },
];

function TabBody({
  statuses,
  empty,
  tabKey,
  filters,
}: {
  statuses: TaskStatus[];
  empty: string;
  tabKey: string;
  filters: Filters;
}) {
  const query = useTasksIn(statuses, filters);
  return (
    <QueryState {...query}>
      {(tasks) => (
        <TaskTable
          tasks={tasks}
          showUnit={false}
          empty={empty}
          testId={`inbox-${tabKey}`}
          listTitle="我的任务"
        />
      )}
    </QueryState>
  );
}

function TabLabel({
  label,
  statuses,
  filters,
}: {
  label: string;
  statuses: TaskStatus[];
  filters: Filters;
}) {
  const { data } = useTasksIn(statuses, filters);
  return (
    <Space size={6}>
      {label}
      {data !== undefined && (
        <Badge count={data.length} showZero color={data.length ? '#b71c1c' : '#bfbfbf'} />
      )}
    </Space>
  );
}

/** 成员单位的任务箱: what to sign for, what is in hand, what has been reported. */
export default function InboxPage() {
  const [params, setParams] = useSearchParams();
  const list = useUrlFilters(FILTERS);
  const active = TABS.some((t) => t.key === params.get('tab')) ? params.get('tab')! : 'issued';
  return (
    <Card title="我的任务" data-testid="unit-inbox">
      <SearchBar
        fields={FIELDS}
        values={list.filters}
        onSearch={list.setFilters}
        onReset={list.reset}
      />
      <Tabs
        activeKey={active}
        onChange={(key) =>
          setParams((prev) => {
            // the search stays across tabs
            const next = new URLSearchParams(prev);
            next.set('tab', key);
            return next;
          })
        }
        items={TABS.map((t) => ({
          key: t.key,
          label: <TabLabel label={t.label} statuses={t.statuses} filters={list.filters} />,
          children: (
            <TabBody statuses={t.statuses} empty={t.empty} tabKey={t.key} filters={list.filters} />
          ),
        }))}
      />
    </Card>
  );
}
