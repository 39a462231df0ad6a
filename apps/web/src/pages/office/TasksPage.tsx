import { TaskStatus } from '@lianxi/domain';
import { Card, Select, Space } from 'antd';
import { useSearchParams } from 'react-router';
import { useTaskPage } from '../../api/queries';
import { ExportButton } from '../../components/ExportButton';
import { QueryState } from '../../components/QueryState';
import { TaskTable } from '../../components/TaskTable';
import { statusLabel } from '../../lib/format';

/** All tasks of the conference, newest first, filtered by status. */
export default function TasksPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = TaskStatus.safeParse(raw).success ? (raw as TaskStatus) : undefined;
  const query = useTaskPage(status, 200);
  return (
    <Card
      title="全部任务"
      extra={
        <Space wrap>
          <ExportButton
            path="/api/exports/tasks.xlsx"
            fileName="任务台账.xlsx"
            testId="tasks-export"
          />
          <Select
            allowClear
            placeholder="按状态筛选"
            style={{ width: 150 }}
            value={status}
            onChange={(v?: TaskStatus) => setParams(v ? { status: v } : {}, { replace: true })}
            options={TaskStatus.options.map((s) => ({ value: s, label: statusLabel(s) }))}
          />
        </Space>
      }
    >
      <QueryState {...query}>
        {(page) => <TaskTable tasks={page.items} testId="task-list" />}
      </QueryState>
    </Card>
  );
}
