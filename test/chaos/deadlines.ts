import pg from 'pg';

/** One connection for one question, closed whatever happens. */
async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Plants `count` accepted tasks (16 units per order) whose level-1 deadline falls between
 * `from` and `from + spreadMs`, with levels 2 and 3 a day later, straight into PostgreSQL.
 * Nothing asks Redis for their timers: the sweep must find them, as it must after a loss.
 */
export async function plantDeadlines(
  databaseUrl: string,
  count: number,
  from: Date,
  spreadMs: number,
): Promise<void> {
  return withClient(databaseUrl, async (client) => {
    await client.query(
      `WITH c AS (SELECT id FROM conferences LIMIT 1),
          u AS (SELECT id, row_number() OVER (ORDER BY code) AS n
                  FROM units WHERE conference_id = (SELECT id FROM c)),
          o AS (INSERT INTO work_orders (conference_id, serial, title, body, priority, issued_at, due_at)
                SELECT (SELECT id FROM c), '混沌〔2026〕' || g || '号', '混沌测试事项 ' || g, '压力测试',
                       'normal', now(), $1::timestamptz
                  FROM generate_series(1, $2::int) g
                RETURNING id),
          pairs AS (SELECT o.id AS order_id, u.id AS unit_id, u.n,
                           row_number() OVER () AS k
                      FROM o CROSS JOIN u)
     INSERT INTO tasks (conference_id, work_order_id, unit_id, role, status, issued_at,
                        due_at, due_basis, original_due_at, level1_at, level2_at, level3_at,
                        next_check_at, sign_reminded, due_soon_sent)
     SELECT (SELECT id FROM c), order_id, unit_id,
            (CASE WHEN n = 1 THEN 'lead' ELSE 'assist' END)::assignment_role, 'accepted', now(),
            d, jsonb_build_object('kind', 'explicit', 'at', d), d, d,
            d + interval '1 day', d + interval '2 days', d, true, true
       FROM (SELECT *, $1::timestamptz + (k % 1000) * ($3::float8 / 1000) * interval '1 millisecond' AS d
               FROM pairs WHERE k <= $4) p`,
      [from.toISOString(), Math.ceil(count / 16), spreadMs, count],
    );
  });
}

/**
 * Plants `count` hand-offs received by the units and owing an answer, whose level-1 limit
 * falls between `from` and `from + spreadMs`, each on a clue of its own, straight into
 * PostgreSQL: the same engine must find them as it finds tasks.
 */
export async function plantHandoffs(
  databaseUrl: string,
  count: number,
  from: Date,
  spreadMs: number,
): Promise<void> {
  return withClient(databaseUrl, async (client) => {
    await client.query(
      `WITH c AS (SELECT id FROM conferences LIMIT 1),
          u AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n
                  FROM units WHERE conference_id = (SELECT id FROM c) AND role <> 'office'),
          k AS (SELECT count(*) AS n FROM u),
          cl AS (INSERT INTO clues (conference_id, serial, channel, subject_name, subject_key,
                                    category, description, created_at, updated_at)
                 SELECT (SELECT id FROM c), '混沌线〔2026〕' || g || '号', 'hotline',
                        '混沌主体 ' || g, 'chaos-' || g, 'gathering', '压力测试', now(), now()
                   FROM generate_series(1, $2::int) g
                 RETURNING id, serial),
          p AS (SELECT cl.id AS clue_id, row_number() OVER (ORDER BY cl.serial) AS g FROM cl)
     INSERT INTO handoffs (conference_id, clue_id, to_unit_id, kind, status, reason, sent_at,
                           received_at, sign_due_at, result_due_at, level1_at, level2_at,
                           level3_at, sign_reminded, next_check_at)
     SELECT (SELECT id FROM c), clue_id, (SELECT id FROM u WHERE n = p.g % (SELECT n FROM k)),
            'transfer', 'received', '压力测试', now(), now(), now(), d, d,
            d + interval '1 day', d + interval '2 days', true, d
       FROM (SELECT *, $1::timestamptz + (g % 1000) * ($3::float8 / 1000) * interval '1 millisecond' AS d
               FROM p) p`,
      [from.toISOString(), count, spreadMs],
    );
  });
}

export interface HandoffEscalationCounts {
  escalations: number;
  distinctHandoffs: number;
  audits: number;
  notifications: number;
  expectedNotifications: number;
}

/** What the planted hand-offs produced: each level 1 exactly once. */
export async function countHandoffEscalations(
  databaseUrl: string,
): Promise<HandoffEscalationCounts> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(`
    SELECT
      (SELECT count(*) FROM handoff_events WHERE kind = 'escalated' AND level = 1
          AND reason = 'overdue')::int AS escalations,
      (SELECT count(DISTINCT handoff_id) FROM handoff_events WHERE kind = 'escalated'
          AND level = 1)::int AS "distinctHandoffs",
      (SELECT count(*) FROM audit_log WHERE action = 'handoff.escalated')::int AS audits,
      (SELECT count(*) FROM notifications WHERE kind = 'handoff.level1')::int AS notifications,
      (SELECT count(*) FROM handoffs h
         JOIN users u ON u.conference_id = h.conference_id AND u.disabled_at IS NULL
                     AND ((u.role = 'unit' AND u.unit_id = h.to_unit_id) OR u.role = 'office')
        WHERE h.reason = '压力测试')::int AS "expectedNotifications"`);
    return rows[0] as HandoffEscalationCounts;
  });
}

export interface EscalationCounts {
  escalations: number;
  distinctTasks: number;
  audits: number;
  notifications: number;
  expectedNotifications: number;
}

/** What the planted deadlines produced: each must be exactly once, however the run went. */
export async function countEscalations(databaseUrl: string): Promise<EscalationCounts> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(`
    SELECT
      (SELECT count(*) FROM escalations WHERE level = 1 AND reason = 'overdue')::int AS escalations,
      (SELECT count(DISTINCT task_id) FROM escalations WHERE level = 1)::int AS "distinctTasks",
      (SELECT count(*) FROM audit_log WHERE action = 'task.escalated')::int AS audits,
      (SELECT count(*) FROM notifications WHERE kind = 'task.level1')::int AS notifications,
      (SELECT count(*) FROM tasks t
         JOIN users u ON u.conference_id = t.conference_id AND u.disabled_at IS NULL
                     AND ((u.role = 'unit' AND u.unit_id = t.unit_id) OR u.role = 'office')
        WHERE t.work_order_id IN (SELECT id FROM work_orders WHERE serial LIKE '混沌%'))::int
        AS "expectedNotifications"`);
    return rows[0] as EscalationCounts;
  });
}
