import type { TaskStatus } from '@lianxi/domain';
import { Badge, Card, Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTasksIn } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { TaskTable } from '../../components/TaskTable';

const TABS: { key: string; label: string; statuses: TaskStatus[]; empty: string }[] = [
  { key: 'issued', label: '待签收', statuses: ['issued'], empty: '没有待签收的任务' },
  { key: 'doing', label: '办理中', statuses: ['accepted', 'returned'], empty: '没有办理中的任务' },
  { key: 'done', label: '已反馈', statuses: ['reported', 'closed'], empty: '没有已反馈的任务' },
];

function TabBody({
  statuses,
  empty,
  tabKey,
}: {
  statuses: TaskStatus[];
  empty: string;
  tabKey: string;
}) {
  const query = useTasksIn(statuses);
  return (
    <QueryState {...query}>
      {(tasks) => (
        <TaskTable tasks={tasks} showUnit={false} empty={empty} testId={`inbox-${tabKey}`} />
      )}
    </QueryState>
  );
}

function TabLabel({ label, statuses }: { label: string; statuses: TaskStatus[] }) {
  const { data } = useTasksIn(statuses);
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
  const active = TABS.some((t) => t.key === params.get('tab')) ? params.get('tab')! : 'issued';
  return (
    <Card title="我的任务" data-testid="unit-inbox">
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={TABS.map((t) => ({
          key: t.key,
          label: <TabLabel label={t.label} statuses={t.statuses} />,
          children: <TabBody statuses={t.statuses} empty={t.empty} tabKey={t.key} />,
        }))}
      />
    </Card>
  );
}
