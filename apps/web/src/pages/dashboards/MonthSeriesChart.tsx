import { monthOnMonth, type TrendMonth } from '@lianxi/domain';
import { Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { signed } from '../../lib/figures';
import { ChartCard } from './ChartCard';

export interface MonthSeries {
  key: string;
  label: string;
  colour: string;
  value: (m: TrendMonth) => number;
}

/** 2026-03 → 3月 (with the year on January and on the first month shown). */
const monthTick = (month: string, i: number) =>
  i === 0 || month.endsWith('-01')
    ? `${month.slice(2, 4)}年${Number(month.slice(5))}月`
    : `${Number(month.slice(5))}月`;

const number = (n: number) => n.toLocaleString('zh-CN');

/** Every series month by month, each figure with its change on the month before under it. */
function MonthTable({ months, series }: { months: TrendMonth[]; series: MonthSeries[] }) {
  const columns: ColumnsType<TrendMonth> = [
    { title: '月份', dataIndex: 'month', fixed: 'left', width: 90 },
    ...series.map((s) => ({
      title: s.label,
      key: s.key,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, m: TrendMonth, i: number) => {
        const { change, rate } = monthOnMonth(s.value(m), i ? s.value(months[i - 1]) : null);
        return (
          <div style={{ lineHeight: 1.3 }}>
            <div>{number(s.value(m))}</div>
            {change !== null && change !== 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                环比 {signed(change)}
                {rate !== null && `（${signed(Math.round(rate * 1000) / 10)}%）`}
              </Typography.Text>
            )}
          </div>
        );
      },
    })),
  ];
  return (
    <Table<TrendMonth>
      rowKey="month"
      size="small"
      dataSource={months}
      columns={columns}
      pagination={false}
      scroll={{ x: 90 + series.length * 110 }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>合计</Typography.Text>
          </Table.Summary.Cell>
          {series.map((s, i) => (
            <Table.Summary.Cell index={i + 1} key={s.key} align="right">
              <Typography.Text strong>
                {number(months.reduce((n, m) => n + s.value(m), 0))}
              </Typography.Text>
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  );
}

/** Months along the bottom, as lines (trends of figures) or stacked columns (parts of a whole). */
export function MonthSeriesChart({
  title,
  testId,
  months,
  series,
  kind,
}: {
  title: string;
  testId: string;
  months: TrendMonth[];
  series: MonthSeries[];
  kind: 'line' | 'stack';
}) {
  const rows = months.map((m, i) => ({
    month: monthTick(m.month, i),
    ...Object.fromEntries(series.map((s) => [s.key, s.value(m)])),
  }));
  const axes = [
    <CartesianGrid key="grid" vertical={false} strokeDasharray="3 3" />,
    <XAxis key="x" dataKey="month" tick={{ fontSize: 12 }} />,
    <YAxis key="y" allowDecimals={false} tick={{ fontSize: 12 }} width={48} />,
    <Tooltip key="tip" formatter={(v) => number(Number(v))} />,
    // in the order the series are given (recharts sorts by name unless told not to)
    <Legend key="legend" wrapperStyle={{ fontSize: 12 }} itemSorter={null} />,
  ];
  const size = { width: '100%' as const, height: 260, responsive: true, data: rows };
  const empty = months.every((m) => series.every((s) => s.value(m) === 0));
  const chart = empty ? (
    <Empty description="本期无数据" image={Empty.PRESENTED_IMAGE_SIMPLE} />
  ) : kind === 'line' ? (
    <LineChart {...size}>
      {axes}
      {series.map((s) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stroke={s.colour}
          strokeWidth={2}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  ) : (
    <BarChart {...size}>
      {axes}
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stackId="months"
          fill={s.colour}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
  return (
    <ChartCard
      title={title}
      testId={testId}
      chart={chart}
      data={<MonthTable months={months} series={series} />}
    />
  );
}
