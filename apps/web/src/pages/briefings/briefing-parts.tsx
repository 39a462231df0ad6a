import type { Briefing } from '@lianxi/domain';
import { Tag } from 'antd';

const chineseDate = (d: string) =>
  `${Number(d.slice(0, 4))} 年 ${Number(d.slice(5, 7))} 月 ${Number(d.slice(8, 10))} 日`;

/** 2026 年 10 月 1 日至 2026 年 10 月 31 日 */
export const periodText = (b: Pick<Briefing, 'from' | 'to'>) =>
  `${chineseDate(b.from)}至${chineseDate(b.to)}`;

export function BriefingStatusTag({ status }: { status: Briefing['status'] }) {
  return (
    <Tag
      color={status === 'published' ? 'success' : 'default'}
      data-testid="briefing-status"
      data-status={status}
    >
      {status === 'published' ? '已印发' : '草稿'}
    </Tag>
  );
}
