import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorker, startWorker } from '@lianxi/worker';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';
import { startPrivateRedis } from '../../../test/support/private-redis.js';
import { spawnWorkerProcess } from '../../../test/support/worker-process.js';
import { silent, until } from '../../../test/support/wait.js';

/** A policy in seconds: due 2 s after issue, levels at +0 s, +2 s, +4 s. */
const sec = (amount: number) => ({ amount, unit: 'second' as const });
const SECONDS_POLICY = {
  signWithin: { amount: 1, unit: 'hour' },
  returnWithin: { amount: 1, unit: 'hour' },
  dueSoon: sec(1),
  ladder: [
    { level: 1, after: sec(0) },
    { level: 2, after: sec(2) },
    { level: 3, after: sec(4) },
  ],
  defaultDue: sec(2),
  urgentDue: sec(1),
  maxExtension: { amount: 1, unit: 'hour' },
  rulingWithin: { amount: 1, unit: 'hour' },
  reviewWithin: { amount: 1, unit: 'hour' },
  handoffResultWithin: sec(2),
};

let env: TestEnv;
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
let office: Caller;
let gaId: string;
const RECONCILE_MS = 3000;

beforeAll(async () => {
  redis = await startPrivateRedis();
  env = await createTestEnv({ redisUrl: redis.url });
  office = await env.as('office');
  gaId = await env.unitId('ga');
  const current = (await office.get('/api/policy')).json();
  const put = await office.request({
    method: 'PUT',
    url: '/api/policy',
    payload: { policy: SECONDS_POLICY, version: current.version },
  });
  expect(put.statusCode, put.body).toBe(200);
}, 60_000);
afterAll(async () => {
  await env.close();
  await redis.stop();
});

const worker = () =>
  startWorker({
    config: env.config,
    database: env.database,
    clock: env.clock,
    log: silent,
    reconcileEveryMs: RECONCILE_MS,
  });

async function issueOrders(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await office.post('/api/work-orders', {
      title: `秒级期限测试 ${i}`,
      body: '测试',
      assignments: [{ unitId: gaId, role: 'lead' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().tasks[0].id);
  }
  return ids;
}

const escalationsOf = (ids: string[]) =>
  env.sql<{ task_id: string; level: number; late_ms: number }>(
    `SELECT e.task_id, e.level,
            (extract(epoch FROM e.created_at - CASE e.level WHEN 1 THEN t.level1_at WHEN 2 THEN t.level2_at ELSE t.level3_at END) * 1000)::float8 AS late_ms
       FROM escalations e JOIN tasks t ON t.id = e.task_id
      WHERE e.reason = 'overdue' AND e.task_id = ANY($1::uuid[])`,
    [ids],
  );

describe('the deadline engine on real BullMQ', () => {
  it('a routed hand-off due in 2 s escalates on its own timer, level by level, once each', async () => {
    const w = await worker();
    try {
      const clue = await office.post('/api/clues', {
        channel: 'online',
        subject: { name: '秒级移送测试', url: 'https://seconds.example.cn/join' },
        category: 'online',
        description: '网络拉人头',
      });
      expect(clue.statusCode, clue.body).toBe(201);
      const levels = () =>
        env.sql<{ level: number; late_ms: number }>(
          `SELECT e.level,
                  (extract(epoch FROM e.at - CASE e.level WHEN 1 THEN h.level1_at ELSE h.level2_at END) * 1000)::float8 AS late_ms
             FROM handoff_events e JOIN handoffs h ON h.id = e.handoff_id
            WHERE h.clue_id = $1 AND e.kind = 'escalated' AND e.reason = 'overdue' AND e.level <= 2
            ORDER BY e.level`,
          [clue.json().id],
        );
      await until(async () => (await levels()).length >= 2, 15_000, 'hand-off level 2');
      await new Promise((r) => setTimeout(r, 500));
      const rows = await levels();
      expect(rows.map((r) => r.level)).toEqual([1, 2]);
      for (const r of rows) expect(r.late_ms).toBeLessThan(1500);
    } finally {
      await w.close();
    }
  });

  it('a task due in 2 s reaches level 1 within 1.5 s of its due time, then 2 with a case, then 3, each once', async () => {
    const w = await worker();
    try {
      const [taskId] = await issueOrders(1);
      await until(async () => (await escalationsOf([taskId])).length >= 3, 15_000, 'level 3');
      await new Promise((r) => setTimeout(r, 500)); // anything duplicated would land by now
      const rows = await escalationsOf([taskId]);
      expect(rows.map((r) => r.level).sort()).toEqual([1, 2, 3]);
      for (const r of rows) expect(r.late_ms).toBeLessThan(1500);
      const audit = await env.sql(
        "SELECT 1 FROM audit_log WHERE action = 'task.escalated' AND subject_id = $1",
        [taskId],
      );
      expect(audit).toHaveLength(3);
      const task = (await office.get(`/api/tasks/${taskId}`)).json();
      expect(task).toMatchObject({ escalationLevel: 3, redFlag: true });
      const cases = await env.sql<{ level: number; status: string }>(
        'SELECT level, status FROM supervision_cases WHERE task_id = $1',
        [taskId],
      );
      expect(cases).toEqual([{ level: 3, status: 'open' }]);
      const board = (await (await env.as('supervisor')).get('/api/supervision/overdue')).json()
        .items;
      expect(board.find((i: { taskId: string }) => i.taskId === taskId)).toMatchObject({
        colour: 'red',
        escalationLevel: 3,
      });
      const inbox = (await (await env.as('unit-ga')).get('/api/notifications?limit=200')).json()
        .items;
      const mine = inbox.filter((n: { subjectId: string }) => n.subjectId === taskId);
      expect(mine.map((n: { kind: string }) => n.kind).sort()).toEqual([
        'task.due_soon',
        'task.level1',
        'task.level2',
        'task.level3',
      ]);
      const leader = (await (await env.as('leader')).get('/api/notifications?limit=200')).json()
        .items;
      expect(
        leader
          .filter((n: { subjectId: string }) => n.subjectId === taskId)
          .map((n: { kind: string }) => n.kind),
      ).toEqual(['task.level3']);
    } finally {
      await w.close();
    }
  });

  it('after FLUSHALL with timers scheduled, every deadline still escalates, once, within one reconciler period', async () => {
    const w = await worker();
    try {
      const ids = await issueOrders(20);
      await until(
        async () => (await env.sql('SELECT 1 FROM outbox WHERE published_at IS NULL')).length === 0,
        5000,
        'timers scheduled',
      );
      const admin = new Redis(redis.url);
      const delayedBefore = await admin.zcard(`${env.config.queuePrefix}:deadlines:delayed`);
      expect(delayedBefore).toBeGreaterThanOrEqual(20);
      await admin.flushall();
      expect(await admin.dbsize()).toBe(0);
      admin.disconnect();

      await until(
        async () => (await escalationsOf(ids)).length >= 60,
        20_000,
        'every level of every task',
      );
      await new Promise((r) => setTimeout(r, 1000));
      const rows = await escalationsOf(ids);
      expect(rows).toHaveLength(60);
      expect(new Set(rows.map((r) => `${r.task_id}-${r.level}`)).size).toBe(60);
      expect(Math.max(...rows.map((r) => r.late_ms))).toBeLessThan(RECONCILE_MS);
    } finally {
      await w.close();
    }
  });

  it('with two worker processes running, no escalation or notification is duplicated', async () => {
    const inProcess: RunningWorker = await worker();
    const other = await spawnWorkerProcess({ ...env.config, reconcileEveryMs: RECONCILE_MS });
    try {
      const ids = await issueOrders(30);
      await until(
        async () => (await escalationsOf(ids)).length >= 90,
        20_000,
        'every level of every task',
      );
      await new Promise((r) => setTimeout(r, 1000));
      expect(await escalationsOf(ids)).toHaveLength(90);
      const [audit] = await env.sql<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'task.escalated' AND subject_id = ANY($1::text[])",
        [ids],
      );
      expect(audit.n).toBe(90);
      const [notes] = await env.sql<{ n: number; distinct_n: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT (user_id, kind, subject_id))::int AS distinct_n
           FROM notifications WHERE subject_id = ANY($1::text[])`,
        [ids],
      );
      expect(notes.n).toBe(notes.distinct_n);
      expect(notes.n).toBeGreaterThan(0);
      // the other process stops cleanly on SIGTERM, its active jobs finished
      expect(await other.stop()).toBe(0);
    } finally {
      await other.stop();
      await inProcess.close();
    }
  });
});
