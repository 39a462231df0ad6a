import { z } from 'zod';
import { dateInOuterWindow, OUTER_WINDOW_MESSAGE } from '../common/date-window.js';
import { Id } from '../common/schemas.js';
import { Ratio } from '../letters/schemas.js';

/** A share of a whole; nothing yet to answer for is no rate, neither 0 % nor 100 %. */
export const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator ? numerator / denominator : null,
});

/**
 * What the platform counts of a unit's tasks issued in a period, up to now (the assessment
 * measures a letter's year with the same counts):
 * - `signDue`: tasks answered (签收 or 退回) or past their sign-for limit; `signedOnTime`:
 *   answered by that limit;
 * - `doneDue`: tasks closed or past due; `doneOnTime`: closed, reported by the due time;
 * - `all`: tasks open or closed (withdrawn and reassigned ones are not the unit's);
 *   `overdue`: closed after the due time, or still on the unit's desk (待签收 / 办理中) past it.
 */
export const TimelinessCounts = z.object({
  signDue: z.number().int(),
  signedOnTime: z.number().int(),
  doneDue: z.number().int(),
  doneOnTime: z.number().int(),
  all: z.number().int(),
  overdue: z.number().int(),
});
export type TimelinessCounts = z.infer<typeof TimelinessCounts>;

export const UnitRates = z.object({
  /** 签收及时率 */
  signOnTime: Ratio,
  /** 按期办结率 */
  doneOnTime: Ratio,
  /** 逾期率 */
  overdue: Ratio,
});
export type UnitRates = z.infer<typeof UnitRates>;

export const ratesOf = (c: TimelinessCounts): UnitRates => ({
  signOnTime: ratio(c.signedOnTime, c.signDue),
  doneOnTime: ratio(c.doneOnTime, c.doneDue),
  overdue: ratio(c.overdue, c.all),
});

export const zeroCounts = (): TimelinessCounts => ({
  signDue: 0,
  signedOnTime: 0,
  doneDue: 0,
  doneOnTime: 0,
  all: 0,
  overdue: 0,
});

/** The whole conference's rates are its counts summed, never an average of unit rates. */
export const sumCounts = (all: TimelinessCounts[]): TimelinessCounts =>
  all.reduce(
    (a, b) => ({
      signDue: a.signDue + b.signDue,
      signedOnTime: a.signedOnTime + b.signedOnTime,
      doneDue: a.doneDue + b.doneDue,
      doneOnTime: a.doneOnTime + b.doneOnTime,
      all: a.all + b.all,
      overdue: a.overdue + b.overdue,
    }),
    zeroCounts(),
  );

/** 86.7% — one decimal, as the office's tables print rates; no rate prints as a dash. */
export const percentText = (r: Ratio) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);

/** Month on month: the change from the month before, and that change as a share of it. */
export function monthOnMonth(
  current: number,
  previous: number | null,
): { change: number | null; rate: number | null } {
  if (previous === null) return { change: null, rate: null };
  const change = current - previous;
  return { change, rate: previous ? change / previous : null };
}

const PeriodDay = z.iso.date().refine(dateInOuterWindow, OUTER_WINDOW_MESSAGE);

/** Tasks issued from..to, Beijing days both included. */
export const RatesQuery = z
  .object({ from: PeriodDay, to: PeriodDay })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] })
  .refine((q) => Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 10, {
    message: '统计区间不能超过十年',
    path: ['to'],
  });
export type RatesQuery = z.infer<typeof RatesQuery>;

export const UnitRatesRow = UnitRates.extend({
  unitId: Id,
  unitName: z.string(),
  counts: TimelinessCounts,
});
export type UnitRatesRow = z.infer<typeof UnitRatesRow>;

export const Rates = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** When the counts were taken: what is "past due" depends on it. */
  asOf: z.string(),
  units: z.array(UnitRatesRow),
  total: UnitRates.extend({ counts: TimelinessCounts }),
});
export type Rates = z.infer<typeof Rates>;
