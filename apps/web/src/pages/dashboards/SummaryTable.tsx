import { FIGURES, type FigureKey, type Summary, type SummaryRow } from '@lianxi/domain';
import { Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { signed } from '../../lib/figures';

const GROUP_TITLES: Record<Summary['groupBy'], string> = {
  month: '月份',
  unit: '单位',
  kind: '单位类别',
};

function Cell({ value, change }: { value: number; change?: number }) {
  return (
    <div style={{ textAlign: 'right', lineHeight: 1.3 }}>
      <div>{value.toLocaleString('zh-CN')}</div>
      {change !== undefined && change !== 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 11 }} data-testid="figure-change">
          {signed(change)}
        </Typography.Text>
      )}
    </div>
  );
}

/** Every figure of every row, with month-on-month change under the figure when by month. */
export function SummaryTable({
  summary,
  title,
  testId = 'summary-table',
}: {
  summary: Summary;
  /** The first column's title when the rows are not the summary's own grouping. */
  title?: string;
  testId?: string;
}) {
  const columns: ColumnsType<SummaryRow> = [
    {
      title: title ?? GROUP_TITLES[summary.groupBy],
      dataIndex: 'label',
      fixed: 'left',
      width: summary.groupBy === 'unit' ? 170 : 120,
    },
    ...FIGURES.map(([key, label]) => ({
      title: label,
      key,
      width: 96,
      render: (_: unknown, r: SummaryRow) => (
        <Cell value={r.figures[key as FigureKey]} change={r.change?.[key as FigureKey]} />
      ),
    })),
  ];
  return (
    <Table<SummaryRow>
      rowKey="key"
      size="small"
      dataSource={summary.rows}
      columns={columns}
      pagination={false}
      scroll={{ x: 120 + FIGURES.length * 96 }}
      data-testid={testId}
      locale={{ emptyText: <Empty description="本期没有已审核的统计数据" /> }}
      summary={() =>
        summary.rows.length > 1 ? (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              {FIGURES.map(([key], i) => (
                <Table.Summary.Cell index={i + 1} key={key}>
                  <div style={{ textAlign: 'right' }}>
                    <Typography.Text strong>
                      {summary.totals[key as FigureKey].toLocaleString('zh-CN')}
                    </Typography.Text>
                  </div>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : undefined
      }
    />
  );
}
