import Fastify from 'fastify';
import pg from 'pg';

/**
 * The inbox floor, run as its own process like the API: a bare Fastify app (no auth, no
 * schemas, no logger, no plugins) whose one route runs, through a `pg` Pool of the same size
 * as the API's (10), the SQL that `listTasks` (packages/core/src/tasks/read.ts) makes for a
 * unit user with no filters: the unit's scope (conference and unit), joined to its work
 * order, newest first by (created_at, id), one row more than the page of 50 (the number
 * in the text, as the API writes it). The SQL is written by hand to match, column for
 * column, what drizzle generates from that query (checked with drizzle's query logger); the
 * rows are shaped into the same summary fields and cursor. It runs as an unnamed statement,
 * as plain `pool.query` does; the API's is a named statement whose plan PostgreSQL keeps.
 */
const LIMIT = 50;

const INBOX_SQL = `
  select t.id, t.work_order_id, t.unit_id, t.role, t.status, t.sign_due_at, t.due_at,
         t.escalation_level, t.deadline_version, t.version, t.provisional, t.red_flag,
         t.created_at, w.serial, w.title
    from tasks t
    inner join work_orders w on w.id = t.work_order_id
   where (t.conference_id = $1 and t.unit_id = $2)
   order by t.created_at desc, t.id desc
   limit ${LIMIT + 1}`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function main() {
  const conferenceId = process.env.BENCH_CONFERENCE_ID;
  const unitId = process.env.BENCH_UNIT_ID;
  if (!conferenceId || !unitId) throw new Error('BENCH_CONFERENCE_ID and BENCH_UNIT_ID');
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const app = Fastify();
  app.get('/tasks', async () => {
    const { rows } = await pool.query(INBOX_SQL, [conferenceId, unitId]);
    const page = rows.slice(0, LIMIT);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        workOrderId: r.work_order_id,
        serial: r.serial,
        title: r.title,
        unitId: r.unit_id,
        role: r.role,
        status: r.status,
        signDueAt: iso(r.sign_due_at),
        dueAt: iso(r.due_at),
        escalationLevel: r.escalation_level,
        deadlineVersion: r.deadline_version,
        version: r.version,
        provisional: r.provisional,
        redFlag: r.red_flag,
      })),
      nextCursor:
        rows.length > LIMIT && last
          ? Buffer.from(JSON.stringify([last.created_at.toISOString(), last.id])).toString(
              'base64url',
            )
          : null,
    };
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  console.log('floor listening');
  const stop = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

await main();
