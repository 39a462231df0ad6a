import {
  CLUE_CHANNEL_LABELS,
  ClueChannel,
  rescuedAndRepatriated,
  type TrendMonth,
} from '@lianxi/domain';
import { Card, Col, DatePicker, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useRates, useTrends } from '../../api/dashboards';
import { QueryState } from '../../components/QueryState';
import { currentMonth, monthBounds, shiftMonth } from '../../lib/figures';
import { type MonthSeries, MonthSeriesChart } from './MonthSeriesChart';
import { RateChart } from './RateCharts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const CASES: MonthSeries[] = [
  {
    key: 'cases',
    label: '立案（件）',
    colour: '#1677ff',
    value: (m) => m.figures.criminalCasesOpened + m.figures.adminCases,
  },
  { key: 'dens', label: '捣毁窝点（个）', colour: '#fa8c16', value: (m) => m.figures.densRaided },
  {
    key: 'people',
    label: '解救遣返（人）',
    colour: '#52c41a',
    value: (m) => rescuedAndRepatriated(m.figures),
  },
  {
    key: 'detained',
    label: '刑事拘留（人）',
    colour: '#722ed1',
    value: (m) => m.figures.criminalDetentions,
  },
  {
    key: 'alerts',
    label: '传销警情（件）',
    colour: '#f5222d',
    value: (m) => m.figures.policeAlerts,
  },
];
const FINES: MonthSeries[] = [
  { key: 'fines', label: '罚没款（元）', colour: '#13c2c2', value: (m) => m.figures.finesYuan },
];
const ESCALATIONS: MonthSeries[] = [
  { key: 'urged', label: '催办', colour: '#fadb14', value: (m) => m.escalations.urged },
  { key: 'supervised', label: '督办', colour: '#fa8c16', value: (m) => m.escalations.supervised },
  { key: 'flagged', label: '挂牌督办', colour: '#f5222d', value: (m) => m.escalations.flagged },
];
const CHANNEL_COLOURS = ['#1677ff', '#13c2c2', '#722ed1', '#fa8c16', '#eb2f96', '#8c8c8c'];
const CLUES: MonthSeries[] = ClueChannel.options.map((c, i) => ({
  key: c,
  label: CLUE_CHANNEL_LABELS[c],
  colour: CHANNEL_COLOURS[i],
  value: (m: TrendMonth) => m.clues.byChannel[c],
}));
const CLUE_STATES: MonthSeries[] = [
  { key: 'open', label: '在办', colour: '#1677ff', value: (m) => m.clues.open },
  { key: 'closed', label: '已办结', colour: '#52c41a', value: (m) => m.clues.closed },
];
const HANDOFFS: MonthSeries[] = [
  { key: 'onTime', label: '按时反馈', colour: '#52c41a', value: (m) => m.handoffs.onTime },
  { key: 'overdue', label: '逾期', colour: '#f5222d', value: (m) => m.handoffs.overdue },
  { key: 'pending', label: '办理中', colour: '#bfbfbf', value: (m) => m.handoffs.pending },
];

const TRENDS: {
  title: string;
  testId: string;
  series: MonthSeries[];
  kind: 'line' | 'stack';
}[] = [
  { title: '战果走势（已审核统计数据）', testId: 'chart-figures', series: CASES, kind: 'line' },
  { title: '罚没款走势', testId: 'chart-fines', series: FINES, kind: 'stack' },
  {
    title: '催办、督办、挂牌督办（逐月）',
    testId: 'chart-escalations',
    series: ESCALATIONS,
    kind: 'stack',
  },
  {
    title: '线索移送办理（按移送月份）',
    testId: 'chart-handoffs',
    series: HANDOFFS,
    kind: 'stack',
  },
  { title: '线索登记（按渠道）', testId: 'chart-clue-channels', series: CLUES, kind: 'stack' },
  {
    title: '线索办理状态（按登记月份）',
    testId: 'chart-clue-states',
    series: CLUE_STATES,
    kind: 'stack',
  },
];

/** The period in the URL (`from` / `to`, months), six months to this one when none is given. */
function usePeriod() {
  const [params, setParams] = useSearchParams();
  const now = currentMonth();
  const read = (k: string, fallback: string) =>
    MONTH.test(params.get(k) ?? '') ? params.get(k)! : fallback;
  const from = read('from', shiftMonth(now, -5));
  const to = read('to', now);
  const set = (f: string, t: string) => {
    const next = new URLSearchParams(params);
    next.set('from', f);
    next.set('to', t);
    setParams(next, { replace: true });
  };
  return { from, to, set };
}

/**
 * 数据分析 on the office's and leaders' dashboards: each unit's rates over the period and the
 * months' trends, every chart with its numbers one click away. Loaded apart from the
 * dashboard (the chart library is the bulk of it), so the counts above show first.
 */
export default function DashboardCharts() {
  const { from, to, set } = usePeriod();
  const days = { from: monthBounds(from).from, to: monthBounds(to).to };
  const rates = useRates(days.from, days.to);
  const trends = useTrends(from, to);
  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="dashboard-charts"
    >
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            数据分析
          </Typography.Title>
          <DatePicker.RangePicker
            picker="month"
            format="YYYY-MM"
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(v) => v?.[0] && v[1] && set(v[0].format('YYYY-MM'), v[1].format('YYYY-MM'))}
            data-testid="charts-range"
          />
        </Space>
      </Card>
      <QueryState {...rates}>{(r) => <RateChart rates={r} />}</QueryState>
      <QueryState {...trends}>
        {(t) => (
          <Row gutter={[16, 16]}>
            {TRENDS.map((c) => (
              <Col xs={24} xl={12} key={c.testId}>
                <MonthSeriesChart {...c} months={t.months} />
              </Col>
            ))}
          </Row>
        )}
      </QueryState>
    </Space>
  );
}
