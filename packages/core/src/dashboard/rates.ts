import {
  addDays,
  checkYears,
  type Rates,
  type RatesQuery,
  ratesOf,
  sumCounts,
  zonedInstant,
} from '@lianxi/domain';
import { units } from '@lianxi/db';
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { taskScope } from '../tasks/row.js';
import { countTaskTimeliness } from './task-timeliness.js';
import { conferenceTimeZone } from './time-zone.js';

/**
 * 签收及时率, 按期办结率 and 逾期率 of the tasks issued in a period, unit by unit and for
 * the whole conference; a unit's liaison sees its own unit's alone.
 */
export async function taskRates(ctx: Ctx, query: RatesQuery): Promise<Rates> {
  checkYears(
    [
      { field: 'querystring.from', year: Number(query.from.slice(0, 4)) },
      { field: 'querystring.to', year: Number(query.to.slice(0, 4)) },
    ],
    ctx.clock.now(),
  );
  const timeZone = await conferenceTimeZone(ctx);
  const counted = await countTaskTimeliness(ctx, {
    start: zonedInstant(query.from, '00:00:00', timeZone),
    end: zonedInstant(addDays(query.to, 1), '00:00:00', timeZone),
    where: taskScope(ctx),
  });
  const byUnit = new Map(counted.map((c) => [c.unitId, c]));
  const named = await ctx.db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(eq(units.conferenceId, ctx.conferenceId))
    .orderBy(asc(units.sort), asc(units.name));
  const rows = named.flatMap(({ id, name }) => {
    const c = byUnit.get(id);
    if (!c) return [];
    const counts = {
      signDue: c.signDue,
      signedOnTime: c.signedOnTime,
      doneDue: c.doneDue,
      doneOnTime: c.doneOnTime,
      all: c.all,
      overdue: c.overdue,
    };
    return [{ unitId: id, unitName: name, counts, ...ratesOf(counts) }];
  });
  const total = sumCounts(rows.map((r) => r.counts));
  return {
    from: query.from,
    to: query.to,
    asOf: ctx.clock.now().toISOString(),
    units: rows,
    total: { counts: total, ...ratesOf(total) },
  };
}
