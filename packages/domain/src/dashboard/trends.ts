import { z } from 'zod';
import { ClueChannel } from '../clues/schemas.js';
import { Figures, Month } from '../stat-reports/figures.js';

/** Months from..to, both included; at most five years, which is what a chart can show. */
export const TrendsQuery = z
  .object({ from: Month, to: Month })
  .refine((q) => q.from <= q.to, { message: '起始月份不能晚于结束月份', path: ['from'] })
  .refine((q) => monthIndex(q.to) - monthIndex(q.from) < 60, {
    message: '趋势区间不能超过 60 个月',
    path: ['to'],
  });
export type TrendsQuery = z.infer<typeof TrendsQuery>;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));

const Count = z.number().int();

export const TrendMonth = z.object({
  month: Month,
  /** Approved monthly figures, every unit's summed. */
  figures: Figures,
  /** Escalations reached in the month, by the clock and by supervisors' hands. */
  escalations: z.object({ urged: Count, supervised: Count, flagged: Count }),
  /** Clues registered in the month, by channel, and how many of them are still open. */
  clues: z.object({
    total: Count,
    open: Count,
    closed: Count,
    byChannel: z.record(ClueChannel, Count),
  }),
  /** Hand-offs sent in the month, by how their answer stands against its limit. */
  handoffs: z.object({ sent: Count, onTime: Count, overdue: Count, pending: Count }),
});
export type TrendMonth = z.infer<typeof TrendMonth>;

export const Trends = z.object({
  from: Month,
  to: Month,
  asOf: z.string(),
  months: z.array(TrendMonth),
});
export type Trends = z.infer<typeof Trends>;

/** Every channel at zero, so a month without clues still has each series. */
export const zeroByChannel = () =>
  Object.fromEntries(ClueChannel.options.map((c) => [c, 0])) as Record<ClueChannel, number>;
