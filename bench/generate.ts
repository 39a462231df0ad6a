import pg from 'pg';
import { fmt, progress } from './options.js';
import type { World } from './world.js';

/** Tasks per INSERT: few enough to print progress between them, many for a set-based insert. */
const CHUNK = 100_000;

const { escapeIdentifier } = pg;

/** A pseudo-random number in [0, 1) from an integer column, the same on every run. */
const hash = (col: string) => `(((${col})::bigint * 2654435761) % 4294967296) / 4294967296.0`;

export interface TaskSpec {
  tasks: number;
  /** Serial prefix of the generated work orders: how a later run recognises them. */
  tag: string;
  /** Orders are issued evenly over this many days up to an hour ago. */
  spreadDays: number;
  /** Only open tasks (issued, accepted, reported, returned), none old enough to be finished. */
  openOnly: boolean;
}

/**
 * Inserts `spec.tasks` tasks for the 16 units with generate_series. Orders carry 1–6 units
 * (every tenth all 16), so ~1 order per 4.75 tasks. Each task's state follows its age: an
 * order past its whole ladder (due + 5 days) is mostly closed, a recent one mostly in hand.
 * Clock columns are what the engine would have left: events already past count as fired,
 * `next_check_at` is the earliest event still to come (NULL for finished tasks). Deadline
 * offsets are calendar days (sign-for 1, return 2, due-soon −1, levels +0/+2/+5), not the
 * workday calendar: what matters here is their spread, not their exact day.
 */
export async function generateTasks(world: World, client: pg.Client, spec: TaskSpec) {
  const start = performance.now();
  const [{ n: existing }] = (
    await client.query(`SELECT count(*)::int AS n FROM work_orders WHERE serial LIKE $1 || '%'`, [
      spec.tag,
    ])
  ).rows;
  if (existing > 0) {
    progress(start, `${spec.tag}: ${fmt(existing)} orders already there, not generating again`);
    return;
  }
  await client.query('DROP TABLE IF EXISTS bench_plan');
  await client.query(
    `CREATE TEMP TABLE bench_plan AS
     WITH s AS (SELECT g, CASE WHEN g % 10 = 0 THEN 16 ELSE 1 + g % 6 END AS size
                  FROM generate_series(1, $1::int) g),
          c AS (SELECT g, size, sum(size) OVER (ORDER BY g) - size AS start FROM s),
          p AS (SELECT g, start, LEAST(size, $2::bigint - start)::int AS size,
                       ${hash('g')} AS r, count(*) OVER () AS total
                  FROM c WHERE start < $2::bigint)
     SELECT g, gen_random_uuid() AS id, start::bigint AS start, size,
            (CASE WHEN r < 0.05 THEN 'urgent' ELSE 'normal' END)::priority AS priority,
            date_trunc('milliseconds', now() - interval '1 hour'
              - make_interval(secs => $3::float8 * 86400 * (total - g) / total)) AS issued_at,
            CASE WHEN r < 0.05 THEN interval '8 hours' WHEN r < 0.70 THEN interval '7 days'
                 WHEN r < 0.90 THEN interval '30 days' ELSE interval '90 days' END AS lead
       FROM p`,
    [Math.ceil(spec.tasks / 4) + 16, spec.tasks, spec.spreadDays],
  );
  const [{ orders, planned }] = (
    await client.query('SELECT count(*)::int AS orders, sum(size)::int AS planned FROM bench_plan')
  ).rows;
  if (planned !== spec.tasks) throw new Error(`planned ${planned} tasks, wanted ${spec.tasks}`);

  await bulkLoad(client, ['tasks', 'work_orders'], start, async () => {
    for (let lo = 0; lo < spec.tasks; lo += CHUNK) {
      const range = [lo, lo + CHUNK];
      await client.query(
        `INSERT INTO work_orders (id, conference_id, serial, title, body, priority, status,
                                  issued_by, issued_at, due_at)
         SELECT id, $3,
                $4 || '〔' || to_char(issued_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '〕' || g || '号',
                (ARRAY['开展出租房屋传销清查', '校园防范传销宣传', '网络传销线索核查',
                       '聚集型传销窝点整治', '传销人员劝返安置'])[1 + g % 5] || '（' || g || '）',
                '基准测试生成的交办单', priority, 'open', $5, issued_at, issued_at + lead
           FROM bench_plan WHERE start >= $1 AND start < $2`,
        [...range, world.conferenceId, spec.tag, world.officeUserId],
      );
      await client.query(insertTasksSql, [
        ...range,
        world.conferenceId,
        world.unitIds,
        spec.openOnly,
      ]);
      const done = Math.min(lo + CHUNK, spec.tasks);
      progress(start, `${spec.tag}: ${fmt(done)} / ${fmt(spec.tasks)} tasks`);
    }
    await client.query(
      `UPDATE work_orders w SET status = x.status
         FROM (SELECT work_order_id,
                      (CASE WHEN bool_or(status IN ('issued', 'accepted', 'returned', 'reported'))
                            THEN 'open'
                            WHEN count(*) FILTER (WHERE status = 'withdrawn')
                               = count(*) FILTER (WHERE status <> 'reassigned') THEN 'withdrawn'
                            ELSE 'closed' END)::work_order_status AS status
                 FROM tasks WHERE work_order_id IN (SELECT id FROM bench_plan) GROUP BY 1) x
        WHERE w.id = x.work_order_id AND w.status <> x.status`,
    );
  });
  await client.query('DROP TABLE bench_plan');
  progress(start, `${spec.tag}: ${fmt(orders)} work orders, ${fmt(spec.tasks)} tasks inserted`);
}

/**
 * Runs a bulk load the fast way: the tables' secondary indexes (those no constraint needs)
 * are dropped and built again afterwards, and this session skips foreign-key triggers
 * (session_replication_role = replica): the generator writes consistent rows by
 * construction. The database is the benchmark's own.
 */
async function bulkLoad(
  client: pg.Client,
  tables: string[],
  start: number,
  fn: () => Promise<void>,
) {
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(x.indexrelid) AS def
       FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
      WHERE x.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`,
    [tables],
  );
  for (const i of indexes) await client.query(`DROP INDEX ${escapeIdentifier(i.name)}`);
  // needs a superuser (the default `postgres`); without one the triggers just stay on
  await client.query('SET session_replication_role = replica').catch(() => {});
  try {
    await fn();
  } finally {
    await client.query('RESET session_replication_role');
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const i of indexes) await client.query(i.def);
    await client.query('RESET maintenance_work_mem');
    progress(start, `${indexes.length} indexes of ${tables.join(', ')} built again`);
  }
}

const insertTasksSql = `
  WITH t AS (
    SELECT p.id AS order_id, p.issued_at AS issued, p.issued_at + p.lead AS due, j,
           p.start + j + 1 AS k, ($4::uuid[])[1 + (p.g + j) % 16] AS unit_id
      FROM bench_plan p CROSS JOIN LATERAL generate_series(0, p.size - 1) j
     WHERE p.start >= $1 AND p.start < $2),
  s AS (
    SELECT t.*, CASE WHEN $5 THEN ${hash('k')} * 0.8 ELSE ${hash('k')} END AS x,
           (NOT $5 AND t.due + interval '5 days' < now()) AS old
      FROM t),
  st AS (
    SELECT s.*, (CASE WHEN old THEN
             CASE WHEN x < 0.88 THEN 'closed' WHEN x < 0.91 THEN 'withdrawn'
                  WHEN x < 0.93 THEN 'reassigned' WHEN x < 0.965 THEN 'accepted'
                  WHEN x < 0.975 THEN 'issued' WHEN x < 0.99 THEN 'reported' ELSE 'returned' END
           ELSE
             CASE WHEN x < 0.15 THEN 'issued' WHEN x < 0.60 THEN 'accepted'
                  WHEN x < 0.75 THEN 'reported' WHEN x < 0.80 THEN 'returned'
                  WHEN x < 0.97 THEN 'closed' WHEN x < 0.99 THEN 'withdrawn' ELSE 'reassigned' END
           END)::task_status AS status,
           -- when the unit stopped the clock (reported, returned) or the task ended
           LEAST(now() - interval '10 minutes', issued + (due - issued) * (0.3 + x * 0.9)) AS moved
      FROM s),
  c AS (
    SELECT st.*, status IN ('issued', 'accepted') AS running,
           status IN ('reported', 'returned') AS paused,
           issued + interval '1 day' AS sign_due, due - interval '1 day' AS soon,
           due + interval '2 days' AS l2, due + interval '5 days' AS l3,
           CASE WHEN status IN ('issued', 'accepted') THEN now() ELSE moved END AS ev,
           CASE WHEN status IN ('reported', 'returned') THEN moved + interval '2 days' END
             AS office_due
      FROM st),
  l AS (
    SELECT c.*, (due <= ev)::int + (l2 <= ev)::int + (l3 <= ev)::int AS ladder,
           COALESCE(office_due <= now(), false) AS office_reminded
      FROM c)
  INSERT INTO tasks (conference_id, work_order_id, unit_id, role, status, status_before_return,
                     issued_at, sign_due_at, return_due_at, due_at, due_basis, original_due_at,
                     due_soon_at, level1_at, level2_at, level3_at, office_due_at, paused_at,
                     escalation_level, ladder_level, sign_reminded, due_soon_sent,
                     office_ladder_level, red_flag, next_check_at, version, created_at, updated_at)
  SELECT $3, order_id, unit_id, (CASE WHEN j = 0 THEN 'lead' ELSE 'assist' END)::assignment_role,
         status, CASE WHEN status = 'returned' THEN 'accepted'::task_status END,
         issued, sign_due, issued + interval '2 days', due,
         jsonb_build_object('kind', 'explicit',
           'at', to_char(due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
         due, soon, due, l2, l3, office_due, CASE WHEN paused THEN moved END,
         GREATEST(ladder, CASE WHEN status = 'issued' AND sign_due <= ev THEN 1 ELSE 0 END,
                  CASE WHEN office_reminded THEN 1 ELSE 0 END),
         ladder, sign_due <= ev, soon <= ev, office_reminded::int, ladder >= 3,
         CASE WHEN running THEN
                LEAST(CASE WHEN status = 'issued' AND sign_due > now() THEN sign_due END,
                      CASE WHEN ladder = 0 AND soon > now() THEN soon END,
                      CASE ladder WHEN 0 THEN due WHEN 1 THEN l2 WHEN 2 THEN l3 END)
              WHEN paused AND office_due > now() THEN office_due END,
         CASE WHEN status = 'issued' THEN 1 ELSE 2 + k % 3 END,
         issued, CASE WHEN status = 'issued' THEN issued ELSE moved END
    FROM l`;

/**
 * Inserts `count` clues over the past year with one report each (reporter NULL: identity is
 * optional) and the hand-off the default routing rules would have made, already answered.
 * Most clues older than a month are closed.
 */
export async function generateClues(world: World, client: pg.Client, count: number) {
  const start = performance.now();
  if (count === 0) return;
  const [{ n: existing }] = (
    await client.query(`SELECT count(*)::int AS n FROM clues WHERE serial LIKE '压测线%'`)
  ).rows;
  if (existing > 0) {
    progress(start, `clues: ${fmt(existing)} already there, not generating again`);
    return;
  }
  const rules = (
    await client.query<{ id: string; target: string; kind: string; name: string }>(
      `SELECT id, target_unit_id AS target, kind::text, name FROM routing_rules
        WHERE conference_id = $1 ORDER BY position`,
      [world.conferenceId],
    )
  ).rows;
  if (rules.length < 4) throw new Error('the demo seed should have 4 routing rules');
  await client.query('DROP TABLE IF EXISTS bench_clues');
  await client.query(
    `CREATE TEMP TABLE bench_clues AS
     WITH s AS (SELECT c, ${hash('c')} AS r, (c::bigint * 40503 % 1000) / 1000.0 AS r2,
                       count(*) OVER () AS total
                  FROM generate_series(1, $1::int) c),
          a AS (SELECT s.*, date_trunc('milliseconds', now() - interval '1 hour'
                         - make_interval(secs => 365.0 * 86400 * (total - c) / total)) AS at,
                       CASE WHEN r >= 0.5 AND r < 0.65 THEN 30 + c % 200 ELSE 1 + c % 25 END
                         AS participants,
                       CASE WHEN r >= 0.5 AND r < 0.65 THEN 3 + c % 5 ELSE 1 + c % 2 END AS levels,
                       CASE WHEN c % 17 = 0 THEN '有在校学生被拉入所谓创业项目'
                            ELSE '群众反映有人以高额返利为诱饵发展下线' END AS description,
                       (CASE WHEN r < 0.5 THEN 'online' WHEN r < 0.8 THEN 'gathering'
                             ELSE 'other' END)::clue_category AS category
                  FROM s)
     SELECT a.*, gen_random_uuid() AS id,
            (ARRAY['hotline', 'online', 'opinion_monitoring', 'petition', 'upper_level',
                   'other_unit'])[1 + c % 6]::clue_channel AS channel,
            CASE WHEN participants >= 30 AND levels >= 3 THEN 1
                 WHEN description LIKE '%学生%' THEN 2
                 WHEN category = 'online' THEN 3 ELSE 4 END AS rule,
            (at < now() - interval '30 days' AND r2 < 0.85) AS closed
       FROM a`,
    [count],
  );
  const ids = [rules.map((r) => r.id), rules.map((r) => r.target)];
  await client.query(
    `INSERT INTO clues (id, conference_id, serial, channel, subject_name, subject_key, township,
                        category, description, participants, levels, amount_yuan, status,
                        owning_unit_id, conclusion, closed_at, created_at, updated_at)
     SELECT id, $1, '压测线〔' || to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '〕' || c || '号',
            channel, '压测主体' || c, 'name:压测主体' || c,
            (ARRAY['城关镇', '东街道', '西街道', '南湖镇', '北山乡'])[1 + c % 5],
            category, description, participants, levels, (c % 1000) * 1000.00,
            (CASE WHEN closed THEN 'closed' ELSE 'open' END)::clue_status, ($2::uuid[])[rule],
            CASE WHEN closed THEN '已依法查处' END, CASE WHEN closed THEN at + interval '20 days' END,
            at, CASE WHEN closed THEN at + interval '20 days' ELSE at END
       FROM bench_clues`,
    [world.conferenceId, ids[1]],
  );
  progress(start, `clues: ${fmt(count)} inserted`);
  await client.query(
    `INSERT INTO clue_reports (clue_id, channel, description, created_at)
     SELECT id, channel, description, at FROM bench_clues`,
  );
  progress(start, `clue reports: ${fmt(count)} inserted (reporter NULL)`);
  await client.query(
    `INSERT INTO handoffs (conference_id, clue_id, to_unit_id, kind, status, reason, rule_id,
                           sent_at, received_at, answered_at, outcome)
     SELECT $1, id, ($3::uuid[])[rule], ($4::text[])[rule]::handoff_kind, 'answered',
            '按分流规则“' || ($5::text[])[rule] || '”分流', ($2::uuid[])[rule],
            at + interval '1 minute', LEAST(now(), at + interval '1 day'),
            LEAST(now(), at + interval '5 days'),
            (CASE WHEN rule = 1 THEN 'case_opened' ELSE 'handled' END)::handoff_outcome
       FROM bench_clues`,
    [world.conferenceId, ...ids, rules.map((r) => r.kind), rules.map((r) => r.name)],
  );
  await client.query('DROP TABLE bench_clues');
  progress(start, `hand-offs: ${fmt(count)} inserted (answered, no clocks left)`);
}

/** VACUUM ANALYZE what the generator filled, as a system at rest would have it. */
export async function settle(client: pg.Client): Promise<void> {
  const start = performance.now();
  for (const table of ['work_orders', 'tasks', 'clues', 'clue_reports', 'handoffs']) {
    await client.query(`VACUUM (ANALYZE) ${table}`);
  }
  progress(start, 'VACUUM ANALYZE done');
}

/** What the generated world holds, for the report. */
export async function census(world: World) {
  const [row] = await world.sql<{ tasks: number; open: number; orders: number; clues: number }>(
    `SELECT (SELECT count(*) FROM tasks)::int AS tasks,
            (SELECT count(*) FROM tasks
              WHERE status IN ('issued', 'accepted', 'returned', 'reported'))::int AS open,
            (SELECT count(*) FROM work_orders)::int AS orders,
            (SELECT count(*) FROM clues)::int AS clues`,
  );
  return row;
}
