import { Empty, Progress, Typography } from 'antd';

export interface Bar {
  key: string;
  label: string;
  value: number;
  color?: string;
}

/** A horizontal bar chart from antd Progress: enough for a few categories, no chart library. */
export function BarList({ bars, testId }: { bars: Bar[]; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  if (bars.every((b) => b.value === 0))
    return <Empty description="暂无数据" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div data-testid={testId}>
      {bars.map((b) => (
        <div
          key={b.key}
          data-key={b.key}
          data-value={b.value}
          style={{
            display: 'grid',
            gridTemplateColumns: '8.5em 1fr',
            alignItems: 'center',
            gap: 8,
          }}
        >
          <Typography.Text ellipsis title={b.label}>
            {b.label}
          </Typography.Text>
          <Progress
            percent={(b.value / max) * 100}
            strokeColor={b.color}
            format={() => b.value}
            // At 100 % antd would turn the bar green as if a task were complete.
            status="normal"
            size="small"
          />
        </div>
      ))}
    </div>
  );
}
