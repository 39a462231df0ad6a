import { createHash } from 'node:crypto';
import { type Ctx, issueWorkOrder, silentLog, systemClock } from '@lianxi/core';
import { IssueWorkOrderInput } from '@lianxi/domain';
import type pg from 'pg';
import { fmt, progress, ratioOf, type BenchOptions, type Result } from './options.js';
import type { World } from './world.js';

/** The audit chain's advisory-lock namespace (packages/core/src/audit/append.ts). */
const AUDIT_LOCK = 7_412_002;
const DAY = 86_400_000;
const WARM_UP = 5;

/** RFC 8785-style JSON for the plain values an audit body holds: keys sorted at every level. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** How long each turn of one side lasts before the other side runs. */
const TURN_MS = 500;

/**
 * Runs `a` and `b` back to back in alternating turns until each has run `seconds`, after a
 * short warm-up of each: the machine's speed drifts over seconds here, and measured one after
 * the other the two rates met different machines. Answers each side's operations per second.
 */
async function alternating(seconds: number, a: () => Promise<unknown>, b: () => Promise<unknown>) {
  const sides = [a, b].map((op) => ({ op, n: 0, ms: 0 }));
  for (const side of sides) for (let i = 0; i < WARM_UP; i++) await side.op();
  const turns = Math.max(1, Math.round((seconds * 1000) / TURN_MS));
  for (let turn = 0; turn < turns; turn++) {
    for (const side of sides) {
      const t0 = performance.now();
      const end = t0 + TURN_MS;
      while (performance.now() < end) {
        await side.op();
        side.n++;
      }
      side.ms += performance.now() - t0;
    }
  }
  return sides.map(({ n, ms }) => ({ n, elapsed: ms / 1000, rate: (n * 1000) / ms }));
}

/**
 * 交办 to three units: the core verb `issueWorkOrder` as the route calls it (the office's
 * ctx, one transaction: serial, order, 3 tasks with their events and clocks,
 * audit row on the chain, inbox notices, then the order read back) against raw `pg` doing
 * the same inserts in one transaction with precomputed deadlines.
 */
export async function benchIssueOrder(world: World, opts: BenchOptions): Promise<Result> {
  const start = performance.now();
  const unitIds = ['ga', 'scjg', 'jy'].map((code) => world.units.get(code)!);
  const assignments = unitIds.map((unitId, i) => ({ unitId, role: i === 0 ? 'lead' : 'assist' }));
  const input = IssueWorkOrderInput.parse({
    title: '压测交办：联合开展出租房屋清查',
    body: '请牵头单位会同协办单位于期限内完成清查并反馈结果。',
    assignments,
  });
  const ctx: Ctx = {
    db: world.database.db,
    clock: systemClock,
    log: silentLog,
    actor: { userId: world.officeUserId, role: 'office', unitId: null },
    conferenceId: world.conferenceId,
  };
  const client = await world.client();
  try {
    const raw = await rawIssuer(world, client, unitIds);
    const [core, floor] = await alternating(
      opts.issueSeconds,
      () => issueWorkOrder(ctx, input),
      raw,
    );
    progress(start, `core issueWorkOrder: ${core.n} orders in ${fmt(core.elapsed, 1)} s`);
    progress(start, `raw pg: ${floor.n} orders in ${fmt(floor.elapsed, 1)} s`);
    const ratio = ratioOf(core.rate, floor.rate);
    return {
      name: 'issue a work order to 3 units',
      value: core.rate,
      baseline: floor.rate,
      ratio,
      unit: 'orders/s',
      goal: '≥ 0.6×',
      met: ratio !== null && ratio >= 0.6,
      note:
        `one at a time, ${opts.issueSeconds} s each in alternating turns of ${TURN_MS} ms ` +
        `after ${WARM_UP} warm-up orders; ` +
        `floor: serial counter, order, 3 tasks, 3 task events, audit row under the chain lock, ` +
        `3 inbox notices, in one transaction (no timer: the first check, sign-for, is a day ` +
        `away, beyond the hour for which timers are asked)`,
    };
  } finally {
    await client.end();
  }
}

/** The floor: the rows `issueWorkOrder` writes, as hand-written SQL on one connection. */
async function rawIssuer(world: World, client: pg.Client, unitIds: string[]) {
  const [conference] = (
    await client.query('SELECT serial_prefix, time_zone FROM conferences WHERE id = $1', [
      world.conferenceId,
    ])
  ).rows;
  const recipients = (
    await client.query<{ id: string }>(
      `SELECT id FROM users WHERE conference_id = $1 AND role = 'unit' AND disabled_at IS NULL
          AND unit_id = ANY($2::uuid[])`,
      [world.conferenceId, unitIds],
    )
  ).rows.map((r) => r.id);
  const yearOf = new Intl.DateTimeFormat('en', { timeZone: conference.time_zone, year: 'numeric' });
  const conf = world.conferenceId;

  return async () => {
    const now = new Date();
    const year = Number(yearOf.format(now));
    const due = new Date(now.getTime() + 7 * DAY);
    const sign = new Date(now.getTime() + DAY);
    await client.query('BEGIN');
    try {
      const { rows: counter } = await client.query(
        `INSERT INTO serial_counters (conference_id, kind, year, last)
         VALUES ($1, 'work_order', $2, 1)
         ON CONFLICT (conference_id, kind, year) DO UPDATE SET last = serial_counters.last + 1
         RETURNING last`,
        [conf, year],
      );
      const serial = `${conference.serial_prefix}〔${year}〕${counter[0].last}号`;
      const title = '压测交办：联合开展出租房屋清查（floor）';
      const { rows: order } = await client.query(
        `INSERT INTO work_orders (conference_id, serial, title, body, priority, issued_by,
                                  issued_at, due_at)
         VALUES ($1, $2, $3, '请按期反馈。', 'normal', $4, $5, $6) RETURNING id`,
        [conf, serial, title, world.officeUserId, now, due],
      );
      const orderId = order[0].id as string;
      const { rows: tasks } = await client.query<{ id: string; unit_id: string; role: string }>(
        `INSERT INTO tasks (conference_id, work_order_id, unit_id, role, status, issued_at,
                            sign_due_at, return_due_at, due_at, due_basis, original_due_at,
                            due_soon_at, level1_at, level2_at, level3_at, next_check_at,
                            created_at, updated_at)
         SELECT $1, $2, u, (CASE WHEN i = 1 THEN 'lead' ELSE 'assist' END)::assignment_role,
                'issued', $4, $5, $4::timestamptz + interval '2 days', $6,
                jsonb_build_object('kind', 'explicit', 'at', $7::text), $6,
                $6::timestamptz - interval '1 day', $6, $6::timestamptz + interval '2 days',
                $6::timestamptz + interval '5 days', $5, $4, $4
           FROM unnest($3::uuid[]) WITH ORDINALITY AS x(u, i)
         RETURNING id, unit_id, role::text`,
        [conf, orderId, unitIds, now, sign, due, due.toISOString()],
      );
      const ids = tasks.map((t) => t.id);
      await client.query(
        `INSERT INTO task_events (task_id, at, actor_id, actor_role, action, to_status)
         SELECT unnest($1::uuid[]), $2, $3, 'office', 'issue', 'issued'`,
        [ids, now, world.officeUserId],
      );
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [AUDIT_LOCK, conf]);
      const { rows: last } = await client.query(
        'SELECT hash FROM audit_log WHERE conference_id = $1 ORDER BY id DESC LIMIT 1',
        [conf],
      );
      const prevHash = (last[0]?.hash as string | undefined) ?? '0'.repeat(64);
      const body = {
        conferenceId: conf,
        at: now.toISOString(),
        actorId: world.officeUserId,
        actorRole: 'office',
        action: 'work_order.issued',
        subjectType: 'work_order',
        subjectId: orderId,
        payload: {
          serial,
          title,
          priority: 'normal',
          resolutionId: null,
          tasks: tasks.map((t) => ({ id: t.id, unitId: t.unit_id, role: t.role })),
        },
        requestId: null,
      };
      const hash = createHash('sha256').update(prevHash).update(canonical(body)).digest('hex');
      await client.query(
        `INSERT INTO audit_log (conference_id, at, actor_id, actor_role, action, subject_type,
                                subject_id, payload, prev_hash, hash)
         VALUES ($1, $2, $3, 'office', 'work_order.issued', 'work_order', $4, $5, $6, $7)`,
        [conf, now, world.officeUserId, orderId, JSON.stringify(body.payload), prevHash, hash],
      );
      await client.query(
        `INSERT INTO notifications (conference_id, user_id, kind, title, body, subject_type,
                                    subject_id, dedupe_key, created_at)
         SELECT $1, u, 'task.issued', $2, $3, 'work_order', $4, $5, $6 FROM unnest($7::uuid[]) u
         ON CONFLICT DO NOTHING`,
        [
          conf,
          `收到交办单 ${serial}`,
          `《${title}》，请及时签收办理。`,
          orderId,
          `work-order-issued-${orderId}`,
          now,
          recipients,
        ],
      );
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    }
  };
}
