import { QUEUE_CONCURRENCY } from '@lianxi/queue';
import { fmt, progress, type BenchOptions, type Result } from './options.js';
import { ESCALATE_FLOOR_SQL, plantTasks } from './plant.js';
import { sleep, waitFor, type World } from './world.js';

const GOAL_SECONDS = 1;

/** The q-quantile of sorted values (nearest rank). */
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

/**
 * Deadline lateness with a real worker process running: `opts.deadlines` tasks fall due in
 * the same second, `latenessLeadSeconds` ahead. They are planted with their timers asked
 * for as `scheduleClock` asks (outbox rows the relay turns into delayed task-clock jobs),
 * so this measures the timer path, not the reconciler's sweep (which also runs, every 30 s,
 * and takes whatever the timers have not reached). Lateness of a task = the time of its
 * `task.escalated` audit row (taken under the chain lock, just before commit) − its
 * `due_at`. The wait is capped at `latenessWaitSeconds` after the due second; a task not
 * escalated by then counts with the lateness it had reached, so the percentiles are then
 * lower bounds (marked ≥). What is left is retired afterwards.
 */
export async function benchLateness(world: World, opts: BenchOptions): Promise<Result> {
  const start = performance.now();
  const n = opts.deadlines;
  const due = new Date(Math.ceil((Date.now() + opts.latenessLeadSeconds * 1000) / 1000) * 1000);
  const client = await world.client();
  let orders: string[];
  try {
    orders = await plantTasks(world, client, {
      count: n,
      tag: '压测时限',
      dueAt: due,
      spreadMs: 999,
      timers: true,
    });
  } finally {
    await client.end();
  }
  progress(start, `planted ${fmt(n)} deadlines due at ${due.toISOString()}`);

  const timersOut = await waitFor(
    async () => {
      const [{ left }] = await world.sql<{ left: number }>(
        `SELECT count(*)::int AS left FROM outbox
          WHERE published_at IS NULL AND job_name = 'task-clock'`,
      );
      return left === 0;
    },
    Math.max(0, due.getTime() - Date.now()),
    100,
  );
  const relaySeconds = (performance.now() - start) / 1000;
  progress(
    start,
    timersOut ? 'all timers relayed to BullMQ before the due second' : 'timers still relaying',
  );

  const count = async () =>
    (
      await world.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM escalations e JOIN tasks t ON t.id = e.task_id
          WHERE t.work_order_id = ANY($1::uuid[]) AND e.level = 1`,
        [orders],
      )
    )[0].n;
  await sleep(Math.max(0, due.getTime() - Date.now()));
  const cap = due.getTime() + 1000 + opts.latenessWaitSeconds * 1000;
  let lastReport = Date.now();
  const all = await waitFor(
    async () => {
      const done = await count();
      if (Date.now() - lastReport >= 10_000) {
        progress(start, `${fmt(done)} of ${fmt(n)} escalated`);
        lastReport = Date.now();
      }
      return done >= n;
    },
    Math.max(0, cap - Date.now()),
    200,
  );
  const stoppedAt = new Date();

  // the tables grew by thousands of rows in seconds: without fresh statistics the planner
  // can pick a plan for this join that outlasts the statement timeout
  await world.sql('ANALYZE tasks, escalations, audit_log');
  // The audit row's time is taken under the chain lock, just before commit; the escalation's
  // created_at comes earlier in the same transaction, before that lock is waited for.
  const rows = await world.sql<{ ms: number; created: number | null; done: boolean }>(
    `SELECT extract(epoch FROM COALESCE(a.at, $2::timestamptz) - t.due_at) * 1000 AS ms,
            extract(epoch FROM e.created_at - t.due_at) * 1000 AS created,
            a.id IS NOT NULL AS done
       FROM tasks t
       LEFT JOIN escalations e ON e.task_id = t.id AND e.level = 1
       LEFT JOIN audit_log a ON a.conference_id = t.conference_id AND a.subject_type = 'task'
                            AND a.subject_id = t.id::text AND a.action = 'task.escalated'
      WHERE t.work_order_id = ANY($1::uuid[])`,
    [orders, stoppedAt.toISOString()],
  );
  const lateness = rows.map((r) => Number(r.ms)).sort((a, b) => a - b);
  const created = rows
    .filter((r) => r.created !== null)
    .map((r) => Number(r.created))
    .sort((a, b) => a - b);
  const escalated = rows.filter((r) => r.done).length;
  const p50 = quantile(lateness, 0.5) / 1000;
  const p99 = quantile(lateness, 0.99) / 1000;
  const createdP99 = created.length ? quantile(created, 0.99) / 1000 : NaN;
  const bound = all ? '' : '≥ ';
  progress(
    start,
    `${fmt(escalated)} escalated; lateness p50 ${bound}${fmt(p50, 2)} s, ` +
      `p99 ${bound}${fmt(p99, 2)} s`,
  );
  const retired = await world.sql(`${ESCALATE_FLOOR_SQL} RETURNING 1`);
  if (retired.length) progress(start, `retired ${fmt(retired.length)} not escalated in time`);

  return {
    name: `deadline lateness p99 (${fmt(n)} due in one second)`,
    value: p99,
    baseline: null,
    ratio: null,
    unit: 's',
    goal: `≤ ${GOAL_SECONDS} s`,
    met: all && p99 <= GOAL_SECONDS,
    note:
      (all
        ? ''
        : `LOWER BOUND: only ${fmt(escalated)} of ${fmt(n)} escalated within ` +
          `${opts.latenessWaitSeconds} s of the due second; `) +
      `audit time − due time: p50 ${bound}${fmt(p50, 2)} s, p99 ${bound}${fmt(p99, 2)} s, ` +
      `max ${bound}${fmt(lateness.at(-1)! / 1000, 2)} s (escalation created_at − due time, ` +
      `escalated tasks only: p99 ${fmt(createdP99, 2)} s); ` +
      `timers planted through the outbox ${opts.latenessLeadSeconds} s ahead (` +
      (timersOut
        ? `all relayed ${fmt(relaySeconds, 1)} s after planting began`
        : 'not all relayed by the due second') +
      `); worker process, ${QUEUE_CONCURRENCY.deadlines} deadline jobs at once, reconcile every 30 s`,
  };
}
