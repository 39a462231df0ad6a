import { Empty, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';

export interface Series {
  key: string;
  label: string;
  color: string;
}

export interface MonthPoint {
  month: string;
  values: Record<string, number>;
}

const HEIGHT = 220;
const PAD = { top: 16, right: 8, bottom: 28, left: 36 };

/** Grouped columns per month for a few series: plain SVG, no chart library. */
export function MonthChart({
  points,
  series,
  testId,
}: {
  points: MonthPoint[];
  series: Series[];
  testId?: string;
}) {
  // The columns fit the card (a phone too); below 20 px a month they scroll sideways instead.
  const box = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([e]) => setRoom(Math.floor(e.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const max = Math.max(1, ...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0)));
  const empty = points.every((p) => series.every((s) => !p.values[s.key]));
  const slot = Math.max(20, Math.min(96, (room - PAD.left - PAD.right) / (points.length || 1)));
  const width = Math.max(200, PAD.left + PAD.right + points.length * slot);
  const inner = HEIGHT - PAD.top - PAD.bottom;
  const bar = Math.min(24, Math.max(4, (slot - 8) / series.length));
  const every = Math.max(Math.ceil(points.length / 12), Math.ceil(32 / slot));
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f));
  return (
    <div data-testid={testId} ref={box}>
      <Space size={16} wrap style={{ marginBottom: 8 }}>
        {series.map((s) => (
          <Space size={4} key={s.key}>
            <span style={{ display: 'inline-block', width: 12, height: 12, background: s.color }} />
            <Typography.Text type="secondary">{s.label}</Typography.Text>
          </Space>
        ))}
      </Space>
      {empty ? (
        <Empty description="本期无数据" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <svg
            width={width}
            height={HEIGHT}
            viewBox={`0 0 ${width} ${HEIGHT}`}
            role="img"
            aria-label={series.map((s) => s.label).join('、')}
            style={{ display: 'block', maxWidth: 'none' }}
          >
            {ticks.map((t) => {
              const y = PAD.top + inner - (t / max) * inner;
              return (
                <g key={t}>
                  <line x1={PAD.left} x2={width - PAD.right} y1={y} y2={y} stroke="#f0f0f0" />
                  <text x={PAD.left - 4} y={y + 4} fontSize={10} textAnchor="end" fill="#8c8c8c">
                    {t}
                  </text>
                </g>
              );
            })}
            {points.map((p, i) => {
              const x0 = PAD.left + i * slot + (slot - bar * series.length) / 2;
              return (
                <g key={p.month} data-month={p.month}>
                  {series.map((s, j) => {
                    const v = p.values[s.key] ?? 0;
                    const h = (v / max) * inner;
                    return (
                      <rect
                        key={s.key}
                        x={x0 + j * bar}
                        y={PAD.top + inner - h}
                        width={bar - 1}
                        height={h}
                        fill={s.color}
                        data-series={s.key}
                        data-value={v}
                      >
                        <title>{`${p.month} ${s.label}：${v}`}</title>
                      </rect>
                    );
                  })}
                  {i % every === 0 && (
                    <text
                      x={x0 + (bar * series.length) / 2}
                      y={HEIGHT - 8}
                      fontSize={10}
                      textAnchor="middle"
                      fill="#595959"
                    >
                      {p.month.slice(2).replace('-', '.')}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        </div>
      )}
    </div>
  );
}
