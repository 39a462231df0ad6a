import { Card, Segmented } from 'antd';
import { type ReactNode, useState } from 'react';

type View = 'chart' | 'data';

/**
 * A chart with the numbers behind it one click away: 图表 / 数据 switches the card between
 * the picture and the table it was drawn from.
 */
export function ChartCard({
  title,
  testId,
  chart,
  data,
  extra,
}: {
  title: string;
  testId: string;
  chart: ReactNode;
  data: ReactNode;
  extra?: ReactNode;
}) {
  const [view, setView] = useState<View>('chart');
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      style={{ height: '100%' }}
      extra={
        <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          {extra}
          <Segmented<View>
            size="small"
            value={view}
            onChange={setView}
            options={[
              { value: 'chart', label: '图表' },
              { value: 'data', label: '数据' },
            ]}
            data-testid={`${testId}-view`}
          />
        </span>
      }
    >
      {view === 'chart' ? (
        <div data-testid={`${testId}-chart`}>{chart}</div>
      ) : (
        <div data-testid={`${testId}-data`}>{data}</div>
      )}
    </Card>
  );
}
