import { unnestRows } from '@lianxi/db';
import { TIMER_WINDOW_MS } from '@lianxi/domain';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { writeOutboxMany } from '../outbox/write.js';
import type { ClockRow, ClockSubject } from './subject.js';

type Subject = ClockSubject<ClockRow, unknown>;

const versionKeys = new WeakMap<Subject, string>();

/** The row field that holds the subject's version column, found once per subject. */
function versionOf(s: Subject, row: ClockRow): number {
  let key = versionKeys.get(s);
  if (!key) {
    key = Object.keys(s.columns).find((k) => s.columns[k] === s.version);
    if (!key) throw new Error('a clock subject must read its version column');
    versionKeys.set(s, key);
  }
  return (row as unknown as Record<string, number>)[key];
}

/**
 * Stores when each row must next be looked at — with `withState`, for every row given, also
 * its clock state as given — in one UPDATE, and asks through the outbox for a timer for each
 * next check within the timer window, in one INSERT. PostgreSQL keeps the time; the timer
 * only makes it punctual, and the reconciler arms later ones as they come near.
 */
export async function scheduleRows<Row extends ClockRow>(
  ctx: Ctx,
  subject: ClockSubject<Row, unknown>,
  rows: Row[],
  opts: { withState?: boolean } = {},
): Promise<(Date | null)[]> {
  const s = subject as unknown as Subject;
  const nexts = rows.map((row) => subject.pending(row)[0]?.at ?? null);
  const moved = rows
    .map((row, i) => ({ row, next: nexts[i] }))
    .filter(({ row, next }) => opts.withState || next?.getTime() !== row.nextCheckAt?.getTime());
  if (moved.length) {
    const columns = { id: s.id, nextCheckAt: s.nextCheckAt, ...(opts.withState ? s.state : {}) };
    const all = unnestRows(
      columns,
      moved.map(({ row, next }) => ({ ...row, nextCheckAt: next })) as never,
    );
    const set = Object.values(columns)
      .filter((c) => c !== s.id)
      .map((c) => sql.raw(`"${c.name}" = v."${c.name}"`));
    await ctx.db.execute(sql`
      UPDATE ${s.table} AS t SET ${sql.join(set, sql`, `)}
        FROM (${all.rows}) AS v
       WHERE t."${sql.raw(s.id.name)}" = v."${sql.raw(s.id.name)}"`);
  }
  const armUntil = ctx.clock.now().getTime() + TIMER_WINDOW_MS;
  await writeOutboxMany(
    ctx,
    rows.flatMap((row, i) => {
      const next = nexts[i];
      return next && next.getTime() <= armUntil
        ? [
            s.timer(
              { id: row.id, conferenceId: row.conferenceId, version: versionOf(s, row) },
              next,
            ),
          ]
        : [];
    }),
  );
  return nexts;
}
