import { percentText, type Rates, type UnitRatesRow } from '@lianxi/domain';
import { Empty, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from './ChartCard';

type RateKey = 'signOnTime' | 'doneOnTime' | 'overdue';
const RATES: { key: RateKey; label: string; colour: string; hint: string }[] = [
  { key: 'signOnTime', label: '签收及时率', colour: '#1677ff', hint: '时限内签收 / 应签收' },
  { key: 'doneOnTime', label: '按期办结率', colour: '#52c41a', hint: '按期办结 / 已办结或已到期' },
  { key: 'overdue', label: '逾期率', colour: '#f5222d', hint: '逾期 / 在办及办结' },
];

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** The task list of one unit, narrowed to the tasks these rates counted. */
export const unitTasksLink = (unitId: string, from: string, to: string) =>
  `/tasks?unitId=${unitId}&issuedFrom=${from}&issuedTo=${to}`;

function RatesTable({ rates }: { rates: Rates }) {
  const ratio = (key: RateKey) => (r: UnitRatesRow | Rates['total']) => (
    <span>
      {percentText(r[key])}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {` (${r[key].numerator}/${r[key].denominator})`}
      </Typography.Text>
    </span>
  );
  const columns: ColumnsType<UnitRatesRow> = [
    {
      title: '单位',
      key: 'unit',
      fixed: 'left',
      width: 150,
      render: (_, r) => (
        <Link to={unitTasksLink(r.unitId, rates.from, rates.to)}>{r.unitName}</Link>
      ),
    },
    ...RATES.map((d) => ({
      title: d.label,
      key: d.key,
      width: 130,
      render: (_: unknown, r: UnitRatesRow) => ratio(d.key)(r),
      sorter: (a: UnitRatesRow, b: UnitRatesRow) => (a[d.key].rate ?? -1) - (b[d.key].rate ?? -1),
    })),
  ];
  return (
    <Table<UnitRatesRow>
      rowKey="unitId"
      size="small"
      dataSource={rates.units}
      columns={columns}
      pagination={false}
      scroll={{ x: 540 }}
      data-testid="rates-table"
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>全部单位</Typography.Text>
          </Table.Summary.Cell>
          {RATES.map((d, i) => (
            <Table.Summary.Cell index={i + 1} key={d.key}>
              {ratio(d.key)(rates.total)}
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  );
}

/**
 * One rate unit by unit, as bars; clicking a unit's bar opens its tasks of the period.
 * Units with nothing yet to answer for have no bar rather than a bar at zero.
 */
export function RateChart({ rates }: { rates: Rates }) {
  const navigate = useNavigate();
  const [key, setKey] = useState<RateKey>('signOnTime');
  const rate = RATES.find((r) => r.key === key)!;
  const rows = rates.units
    .map((u) => ({ unitId: u.unitId, name: u.unitName, value: pct(u[key].rate), of: u[key] }))
    .filter((r) => r.value !== null);
  const chart = rows.length ? (
    <div style={{ overflowX: 'auto' }}>
      <BarChart
        layout="vertical"
        width="100%"
        height={40 + rows.length * 30}
        data={rows}
        margin={{ left: 8, right: 48 }}
        responsive
        style={{ minWidth: 300 }}
      >
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="name" width={112} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip
          formatter={(v, _n, item) => [
            `${v}%（${item.payload.of.numerator}/${item.payload.of.denominator}）`,
            rate.label,
          ]}
        />
        <Bar
          dataKey="value"
          name={rate.label}
          fill={rate.colour}
          cursor="pointer"
          isAnimationActive={false}
          onClick={(_, i) => void navigate(unitTasksLink(rows[i].unitId, rates.from, rates.to))}
        >
          <LabelList dataKey="value" position="right" formatter={(v) => `${String(v)}%`} />
        </Bar>
      </BarChart>
    </div>
  ) : (
    <Empty description="本期没有应计的任务" image={Empty.PRESENTED_IMAGE_SIMPLE} />
  );
  return (
    <ChartCard
      title={`各单位${rate.label}（全部 ${percentText(rates.total[key])}）`}
      testId="chart-rates"
      extra={
        <Select<RateKey>
          size="small"
          value={key}
          onChange={setKey}
          options={RATES.map((r) => ({ value: r.key, label: r.label }))}
          style={{ width: 112 }}
          data-testid="rate-kind"
        />
      }
      chart={
        <>
          {chart}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {rate.label} = {rate.hint}；点击单位的柱条查看其任务。
          </Typography.Text>
        </>
      }
      data={<RatesTable rates={rates} />}
    />
  );
}
