import { Typography } from 'antd';
import { formatDate, TIME_ZONE } from '../lib/format';

const clock = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant in a narrow table column: the day on one line and the time under it, so the
 * column needs the width of `2026年11月23日` and not of the whole line.
 */
export function TimeCell({ iso }: { iso: string | null | undefined }) {
  if (!iso) return <>—</>;
  return (
    <>
      <div>{formatDate(iso)}</div>
      <Typography.Text type="secondary">{clock.format(new Date(iso))}</Typography.Text>
    </>
  );
}
