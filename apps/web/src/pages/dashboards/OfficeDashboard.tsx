import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTasksIn } from '../../api/tasks';
import { AnalysisCharts, Overview, UnitChart, useDashboard } from '../../components/Dashboard';
import { OverdueTable } from '../../components/OverdueTable';
import { QueryState } from '../../components/QueryState';
import { TaskTable } from '../../components/TaskTable';

/** 打传办工作台: the whole mechanism at a glance, and what the office itself owes. */
export default function OfficeDashboard() {
  const dashboard = useDashboard();
  const owed = useTasksIn(['reported', 'returned']).data ?? [];
  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="office-dashboard"
    >
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          工作台
        </Typography.Title>
        <Link to="/work-orders/new">
          <Button type="primary" icon={<FileAddOutlined />}>
            下发交办单
          </Button>
        </Link>
      </Space>
      <QueryState {...dashboard}>
        {(stats) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Overview stats={stats} />
            <Card title={`待打传办审核、审定（${owed.length}）`} size="small">
              <TaskTable tasks={owed} empty="没有待审核或待审定的任务" testId="office-owed" />
            </Card>
            <Card
              title="逾期督办事项"
              size="small"
              extra={<Link to="/supervision">查看督办台</Link>}
            >
              <OverdueTable items={(dashboard.overdue ?? []).slice(0, 10)} />
            </Card>
            <UnitChart stats={stats} limit={10} />
          </Space>
        )}
      </QueryState>
      <AnalysisCharts />
    </Space>
  );
}
