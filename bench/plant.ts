import { OUTBOX_CHANNEL } from '@lianxi/core';
import type pg from 'pg';
import type { World } from './world.js';

export interface PlantSpec {
  count: number;
  /** Serial prefix of the planted work orders. */
  tag: string;
  /** The first due time; task k falls due at `dueAt + (k mod 1000) × spreadMs / 1000`. */
  dueAt: Date;
  spreadMs: number;
  /**
   * Also ask for each task's timer, as `scheduleClock` does: an outbox row
   * (deadlines/task-clock, job id task-{id}-{version}-{ms}, run at the due time) that the
   * relay turns into a delayed BullMQ job. Without it only the reconciler's sweep finds them.
   */
  timers: boolean;
}

/**
 * Plants `count` accepted tasks (16 units per order, like test/chaos/deadlines.ts) whose
 * level-1 deadline is the next event: ladder 0, sign-for reminder and due-soon notice
 * already sent, levels 2 and 3 days later, `next_check_at` = the due time. Each therefore
 * yields exactly one escalation (level 1) when it falls due. Answers the order ids.
 */
export async function plantTasks(world: World, client: pg.Client, spec: PlantSpec) {
  const { rows } = await client.query<{ id: string }>(
    `WITH o AS (
       INSERT INTO work_orders (conference_id, serial, title, body, priority, issued_by, issued_at,
                                due_at)
       SELECT $1, $2 || '〔' || g || '〕号', '压测时限事项 ' || g, '基准测试：到期即催办', 'normal', $3,
              $4::timestamptz - interval '7 days', $4::timestamptz
         FROM generate_series(1, $5::int) g
       RETURNING id),
     u AS (SELECT id, ordinality AS n FROM unnest($6::uuid[]) WITH ORDINALITY AS x(id, ordinality)),
     pairs AS (SELECT o.id AS order_id, u.id AS unit_id, u.n, row_number() OVER () AS k
                 FROM o CROSS JOIN u),
     d AS (SELECT *, date_trunc('milliseconds', $4::timestamptz
                       + (k % 1000) * ($7::float8 / 1000) * interval '1 millisecond') AS due
             FROM pairs WHERE k <= $8),
     t AS (
       INSERT INTO tasks (conference_id, work_order_id, unit_id, role, status, issued_at,
                          sign_due_at, return_due_at, due_at, due_basis, original_due_at,
                          due_soon_at, level1_at, level2_at, level3_at, next_check_at,
                          sign_reminded, due_soon_sent, version, created_at, updated_at)
       SELECT $1, order_id, unit_id,
              (CASE WHEN n = 1 THEN 'lead' ELSE 'assist' END)::assignment_role, 'accepted',
              due - interval '7 days', due - interval '6 days', due - interval '5 days', due,
              jsonb_build_object('kind', 'explicit',
                'at', to_char(due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
              due, due - interval '1 day', due, due + interval '2 days', due + interval '5 days',
              due, true, true, 2, now(), now()
         FROM d
       RETURNING id, conference_id, next_check_at, work_order_id),
     timers AS (
       INSERT INTO outbox (conference_id, queue, job_name, job_id, payload, run_at)
       SELECT conference_id, 'deadlines', 'task-clock',
              'task-' || id || '-1-' || (extract(epoch FROM next_check_at) * 1000)::bigint,
              jsonb_build_object('taskId', id, 'deadlineVersion', 1), next_check_at
         FROM t WHERE $9
       RETURNING 1)
     SELECT DISTINCT work_order_id AS id FROM t, (SELECT count(*) FROM timers) AS c`,
    [
      world.conferenceId,
      spec.tag,
      world.officeUserId,
      spec.dueAt.toISOString(),
      Math.ceil(spec.count / 16),
      world.unitIds,
      spec.spreadMs,
      spec.count,
      spec.timers,
    ],
  );
  if (spec.timers) await client.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  return rows.map((r) => r.id);
}

/**
 * What a caught-up engine leaves once level 1 is done, set-based: used as the floor of the
 * escalation benchmark (inside a rolled-back transaction) and to retire what the time-boxed
 * engine did not reach, so no later measurement trips over a backlog.
 */
export const ESCALATE_FLOOR_SQL = `
  UPDATE tasks
     SET ladder_level = 1, escalation_level = GREATEST(escalation_level, 1),
         next_check_at = level2_at, updated_at = now()
   WHERE next_check_at IS NOT NULL AND next_check_at <= now()
     AND ladder_level = 0 AND level1_at <= now() AND status IN ('issued', 'accepted')`;
