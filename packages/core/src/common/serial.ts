import { localDate, yearOf } from '@lianxi/domain';
import { fixedStatement, runFixed, serialCounters } from '@lianxi/db';
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
  const [row] = await runFixed(ctx.db, bumpCounter, {
    conferenceId: ctx.conferenceId,
    kind,
    year,
  });
  return row.last as number;
}

const bumpCounter = fixedStatement<'conferenceId' | 'kind' | 'year'>(
  'serial_counter_bump',
  sql`INSERT INTO ${serialCounters} (conference_id, kind, year, last)
      VALUES (${sql.placeholder('conferenceId')}, ${sql.placeholder('kind')},
              ${sql.placeholder('year')}, 1)
      ON CONFLICT (conference_id, kind, year) DO UPDATE SET last = ${serialCounters}.last + 1
      RETURNING last`,
);
