import { Space, Typography } from 'antd';
import { AnalysisCharts, Overview, UnitChart, useDashboard } from '../../components/Dashboard';
import { QueryState } from '../../components/QueryState';
import { formatTime } from '../../lib/format';

/** 领导看板: read-only figures; nothing here changes any state. */
export default function LeaderDashboard() {
  const dashboard = useDashboard();
  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="leader-dashboard"
    >
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          领导看板
        </Typography.Title>
        <Typography.Text type="secondary">
          数据截至 {formatTime(new Date().toISOString())}
        </Typography.Text>
      </Space>
      <QueryState {...dashboard}>
        {(stats) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Overview stats={stats} />
            <UnitChart stats={stats} />
          </Space>
        )}
      </QueryState>
      <AnalysisCharts />
    </Space>
  );
}
