import { SWEEP_LANES, processDueClocks, silentLog, systemClock } from '@lianxi/core';
import { fmt, progress, ratioOf, type BenchOptions, type Result } from './options.js';
import { ESCALATE_FLOOR_SQL, plantTasks } from './plant.js';
import type { World } from './world.js';

/** The issue's figure: 100,000 overdue tasks must be escalated within 10 s. */
const ISSUE_DUE = 100_000;
const ISSUE_SECONDS = 10;

export interface EscalateRun {
  result: Result;
  /** The engine's rate, tasks per second. */
  rate: number;
  open: number;
}

/**
 * The deadline engine's sweep (`processDueClocks`, as the reconcile job runs it) against one
 * set-based UPDATE over the same due set. `opts.due` overdue tasks are planted among the
 * generated ones (level 1 is their only due event). The floor runs first, inside a
 * transaction that is rolled back (then VACUUM), so both see the whole due set. The engine
 * is time-boxed (`opts.escalateSeconds`) because at its rate 100,000 would take far longer
 * than the run may; its rate gives the projection. What it did not reach is then retired
 * set-based, so later measurements do not inherit a backlog. No worker runs meanwhile.
 */
export async function benchEscalate(
  world: World,
  opts: BenchOptions,
  label: string,
): Promise<EscalateRun> {
  const start = performance.now();
  const client = await world.client();
  try {
    const tag = `压测逾期${label}`;
    const orders = await plantTasks(world, client, {
      count: opts.due,
      tag,
      dueAt: new Date(Date.now() - 3_660_000),
      spreadMs: 3_600_000,
      timers: false,
    });
    await client.query('ANALYZE tasks');
    const [{ open, total, due }] = (
      await client.query(
        `SELECT count(*) FILTER (
                  WHERE status IN ('issued', 'accepted', 'returned', 'reported'))::int AS open,
                count(*)::int AS total,
                count(*) FILTER (WHERE next_check_at <= now())::int AS due
           FROM tasks`,
      )
    ).rows;
    progress(start, `planted ${fmt(opts.due)} overdue tasks: ${fmt(due)} due of ${fmt(open)} open`);

    await client.query('BEGIN');
    const f0 = performance.now();
    const floor = await client.query(ESCALATE_FLOOR_SQL);
    const floorSeconds = (performance.now() - f0) / 1000;
    await client.query('ROLLBACK');
    const floorRate = (floor.rowCount ?? 0) / floorSeconds;
    progress(
      start,
      `floor: one UPDATE, ${fmt(floor.rowCount ?? 0)} rows in ${fmt(floorSeconds, 2)} s`,
    );
    // the rolled-back row versions would otherwise sit in the engine's index scans
    await client.query('VACUUM tasks');
    progress(start, 'VACUUM tasks after the rolled-back floor');

    const base = { db: world.database.db, clock: systemClock, log: silentLog };
    const e0 = performance.now();
    const end = e0 + opts.escalateSeconds * 1000;
    let handled = 0;
    let nextReport = e0 + 10_000;
    while (handled < opts.due && performance.now() < end) {
      // the engine's own batch size and lanes, a few passes per call, so the time box is
      // checked every couple of seconds
      const n = await processDueClocks(base, undefined, 4 * SWEEP_LANES);
      if (n === 0) break;
      handled += n;
      if (performance.now() >= nextReport) {
        progress(start, `engine: ${fmt(handled)} escalated`);
        nextReport += 10_000;
      }
    }
    const engineSeconds = (performance.now() - e0) / 1000;
    const rate = handled / engineSeconds;
    progress(start, `engine: ${fmt(handled)} escalated in ${fmt(engineSeconds, 1)} s`);

    const [{ written }] = (
      await client.query(
        `SELECT count(*)::int AS written FROM escalations e JOIN tasks t ON t.id = e.task_id
          WHERE t.work_order_id = ANY($1::uuid[])`,
        [orders],
      )
    ).rows;
    const retired = await client.query(ESCALATE_FLOOR_SQL);
    progress(start, `retired ${fmt(retired.rowCount ?? 0)} due tasks the time box did not reach`);

    const projected = ISSUE_DUE / rate;
    const ratio = ratioOf(rate, floorRate);
    const met = ratio !== null && ratio >= 0.3 && projected <= ISSUE_SECONDS;
    const boxed = handled < opts.due;
    return {
      rate,
      open,
      result: {
        name: `escalate ${fmt(opts.due)} due of ${fmt(open)} open${label ? ` (${label})` : ''}`,
        value: rate,
        baseline: floorRate,
        ratio,
        unit: 'tasks/s',
        goal: `≥ 0.3× and 100,000 in ≤ ${ISSUE_SECONDS} s`,
        met,
        note:
          `engine (processDueClocks, its default batch, ${SWEEP_LANES} lanes) escalated ` +
          `${fmt(handled)} in ` +
          `${fmt(engineSeconds, 1)} s${boxed ? ` (time box ${opts.escalateSeconds} s)` : ''}; ` +
          `${fmt(written)} escalation rows written; projected for 100,000: ` +
          `${fmt(projected, 0)} s. Floor: one UPDATE of ${fmt(floor.rowCount ?? 0)} rows in ` +
          `${fmt(floorSeconds, 2)} s (rolled back). ${fmt(total)} tasks in all.`,
      },
    };
  } finally {
    await client.end();
  }
}
