import { localDate, yearOf } from '@lianxi/domain';
import { serialCounters } from '@lianxi/db';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/** The character each kind of document carries after the office's short name. */
const KIND_MARK = { work_order: '交', clue: '线' } as const;

/**
 * The next number of the year for a kind of document: 打传交〔2026〕12号 for a work order,
 * 打传线〔2026〕3号 for a clue. The conference's prefix names its work orders (打传交).
 */
export async function nextSerial(
  ctx: Ctx,
  conference: { serialPrefix: string; timeZone: string },
  kind: keyof typeof KIND_MARK,
  now: Date,
): Promise<string> {
  const year = yearOf(localDate(now, conference.timeZone));
  const number = await nextNumber(ctx, kind, year);
  const base = conference.serialPrefix.replace(/交$/, '');
  return `${base}${KIND_MARK[kind]}〔${year}〕${number}号`;
}

/** The next number of a kind of document in a year, gap-free per conference (race-safe). */
export async function nextNumber(ctx: Ctx, kind: string, year: number): Promise<number> {
  const [row] = await ctx.db
    .insert(serialCounters)
    .values({ conferenceId: ctx.conferenceId, kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [serialCounters.conferenceId, serialCounters.kind, serialCounters.year],
      set: { last: sql`${serialCounters.last} + 1` },
    })
    .returning({ last: serialCounters.last });
  return row.last;
}
