import { TaskStatus } from '@lianxi/domain';
import { Card, Col, Row, Skeleton, Statistic, Table } from 'antd';
import { lazy, Suspense } from 'react';
import { useOverdue } from '../api/supervision';
import { useTaskStats } from '../api/dashboards';
import { useUnitNames } from '../api/units';
import { statusLabel } from '../lib/format';
import type { TaskStats } from '@lianxi/domain';
import { BarList } from './BarList';
import { type Colour, COLOUR_LABELS, COLOUR_NAMES } from './tags';

const STATUS_BAR_COLOURS: Record<string, string> = {
  issued: '#1677ff',
  accepted: '#2f54eb',
  returned: '#722ed1',
  reported: '#13c2c2',
  closed: '#52c41a',
  reassigned: '#bfbfbf',
  withdrawn: '#d9d9d9',
};
const COLOUR_HEX: Record<Colour, string> = {
  blue: '#1677ff',
  yellow: '#fadb14',
  orange: '#fa8c16',
  red: '#f5222d',
};

/** Everything a dashboard shows, loaded once and shared by the office and leader views. */
export function useDashboard() {
  const stats = useTaskStats();
  const overdue = useOverdue();
  return {
    data: stats.data && overdue.data ? stats.data : undefined,
    overdue: overdue.data,
    isPending: stats.isPending || overdue.isPending,
    error: stats.error ?? overdue.error,
    refetch: () => Promise.all([stats.refetch(), overdue.refetch()]),
  };
}

export function SummaryCards({ stats }: { stats: TaskStats }) {
  const escalated = stats.byColour.yellow + stats.byColour.orange + stats.byColour.red;
  const cards = [
    { key: 'total', title: '任务总数', value: stats.total },
    { key: 'open', title: '在办任务', value: stats.open },
    { key: 'closed', title: '已办结', value: stats.byStatus.closed, color: '#389e0d' },
    { key: 'escalated', title: '逾期督办', value: escalated, color: '#cf1322' },
    { key: 'red', title: '挂牌督办', value: stats.byColour.red, color: '#cf1322' },
    { key: 'blue', title: '临期提醒', value: stats.byColour.blue, color: '#1677ff' },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="summary-cards">
      {cards.map((c) => (
        <Col xs={12} sm={8} lg={4} key={c.key}>
          <Card size="small">
            <Statistic
              title={c.title}
              value={c.value}
              styles={c.color ? { content: { color: c.color } } : undefined}
              data-testid={`stat-${c.key}`}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function StatusChart({ stats }: { stats: TaskStats }) {
  return (
    <Card title="任务状态分布" size="small">
      <BarList
        testId="chart-status"
        bars={TaskStatus.options.map((s) => ({
          key: s,
          label: statusLabel(s),
          value: stats.byStatus[s],
          color: STATUS_BAR_COLOURS[s],
        }))}
      />
    </Card>
  );
}

export function ColourChart({ stats }: { stats: TaskStats }) {
  const order: Colour[] = ['red', 'orange', 'yellow', 'blue'];
  return (
    <Card title="督办等级分布" size="small">
      <BarList
        testId="chart-colour"
        bars={order.map((c) => ({
          key: c,
          label: `${COLOUR_LABELS[c]}（${COLOUR_NAMES[c]}）`,
          value: stats.byColour[c],
          color: COLOUR_HEX[c],
        }))}
      />
    </Card>
  );
}

export function UnitChart({ stats, limit }: { stats: TaskStats; limit?: number }) {
  const unitName = useUnitNames();
  const rows = limit ? stats.byUnit.slice(0, limit) : stats.byUnit;
  return (
    <Card title="各单位任务情况" size="small">
      <Table<TaskStats['byUnit'][number]>
        rowKey="unitId"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 480 }}
        data-testid="chart-units"
        columns={[
          { title: '单位', key: 'unit', render: (_, r) => unitName(r.unitId) },
          { title: '总数', dataIndex: 'total', width: 70, sorter: (a, b) => a.total - b.total },
          { title: '在办', dataIndex: 'open', width: 70, sorter: (a, b) => a.open - b.open },
          {
            title: '逾期',
            dataIndex: 'overdue',
            width: 70,
            sorter: (a, b) => a.overdue - b.overdue,
            render: (v: number) => (v ? <span style={{ color: '#cf1322' }}>{v}</span> : v),
          },
          { title: '办结', dataIndex: 'closed', width: 70, sorter: (a, b) => a.closed - b.closed },
        ]}
      />
    </Card>
  );
}

/** The figures both dashboards open with: the summary cards, then status and colour charts. */
export function Overview({ stats }: { stats: TaskStats }) {
  return (
    <>
      <SummaryCards stats={stats} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <StatusChart stats={stats} />
        </Col>
        <Col xs={24} md={12}>
          <ColourChart stats={stats} />
        </Col>
      </Row>
    </>
  );
}

const Charts = lazy(() => import('../pages/dashboards/DashboardCharts'));

/** 数据分析: rates and trends as charts, fetched with their chart library after the counts. */
export function AnalysisCharts() {
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
      <Charts />
    </Suspense>
  );
}
