import { createQueues, createRedis, type QueueSet } from '@lianxi/queue';
import { relayOutboxBatch } from '@lianxi/worker';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
let admin: Caller;
let redis: Redis;
let queues: QueueSet;

beforeAll(async () => {
  env = await createTestEnv();
  admin = await env.as('admin');
  redis = createRedis(env.config.redisUrl, 'producer');
  queues = createQueues(redis, env.config.queuePrefix);
});
afterAll(async () => {
  await queues.close();
  redis.disconnect();
  await env.close();
});

type Overview = {
  queues: {
    name: string;
    label: string;
    waiting: number;
    delayed: number;
    failed: number;
    recentFailures: { job: string; reason: string; attempts: number }[];
  }[];
  outbox: { pending: number; oldestAt: string | null };
};
const look = async () => {
  const res = await admin.get('/api/admin/queues');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Overview;
};
const queue = (o: Overview, name: string) => o.queues.find((q) => q.name === name)!;

describe('队列监控', () => {
  it('shows the outbox rows not yet relayed, then the jobs they became', async () => {
    const before = await look();
    expect(before.queues.map((q) => q.name).sort()).toEqual(
      ['clues', 'deadlines', 'maintenance', 'notifications'].sort(),
    );
    expect(queue(before, 'clues').label).toBe('线索分流');
    const office = await env.as('office');
    const clue = await office.post('/api/clues', {
      channel: 'hotline',
      subject: { name: '鑫盛养生会所' },
      category: 'gathering',
      description: '以“消费返利”为名发展下线',
    });
    expect(clue.statusCode, clue.body).toBe(201);
    // the clue's routing job is written in its transaction and waits in the outbox
    const pending = await look();
    expect(pending.outbox.pending).toBeGreaterThan(before.outbox.pending);
    expect(pending.outbox.oldestAt).not.toBeNull();

    await relayOutboxBatch(env.database.db, queues, env.clock, 100);
    const relayed = await look();
    expect(relayed.outbox.pending).toBe(0);
    expect(queue(relayed, 'clues').waiting).toBe(queue(before, 'clues').waiting + 1);
  });

  it('counts delayed jobs and shows the latest failures with their reasons', async () => {
    await queues.add('maintenance', 'purge-outbox', {}, { delay: 3_600_000 });
    await queues.add(
      'notifications',
      'webhook',
      { unitId: await env.unitId('ga'), text: '测试' },
      { attempts: 1 },
    );
    const connection = createRedis(env.config.redisUrl, 'worker');
    const worker = new Worker(
      'notifications',
      async () => {
        throw new Error('机器人地址无响应');
      },
      { connection, prefix: env.config.queuePrefix },
    );
    try {
      await expect.poll(async () => queue(await look(), 'notifications').failed).toBe(1);
    } finally {
      await worker.close();
      connection.disconnect();
    }
    const o = await look();
    expect(queue(o, 'maintenance').delayed).toBe(1);
    expect(queue(o, 'notifications').recentFailures).toEqual([
      expect.objectContaining({ job: 'webhook', reason: '机器人地址无响应', attempts: 1 }),
    ]);
  });

  it('is for administrators only', async () => {
    for (const who of ['office', 'supervisor', 'leader', 'unit-ga']) {
      const res = await (await env.as(who)).get('/api/admin/queues');
      expect(res.statusCode, who).toBe(403);
    }
  });
});
