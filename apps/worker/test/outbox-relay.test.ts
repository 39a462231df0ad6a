import { systemActor, withTransaction, writeOutbox } from '@lianxi/core';
import { createQueues, createRedis } from '@lianxi/queue';
import {
  type RunningWorker,
  relayOutboxBatch,
  startOutboxRelay,
  startWorker,
} from '@lianxi/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL } from '../../../test/support/databases.js';
import { createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const ctxOf = (e: TestEnv) => ({
  db: e.database.db,
  clock: e.clock,
  log: { info() {}, warn() {}, error() {}, debug() {} },
  actor: systemActor,
});

async function until<T>(probe: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the outbox relay', () => {
  it('moves a committed event to BullMQ, and the worker acts on it', async () => {
    const user = (
      await env.sql<{ id: string }>("SELECT id FROM users WHERE username = 'leader'")
    )[0];
    await env.sql(
      "INSERT INTO sessions (user_id, created_at, expires_at) VALUES ($1, now() - interval '30 days', now() - interval '20 days')",
      [user.id],
    );
    const worker: RunningWorker = await startWorker({
      config: env.config,
      database: env.database,
      clock: env.clock,
      log: ctxOf(env).log,
      outboxPollMs: 5000,
    });
    try {
      // the scheduler's first run may already purge; take a fresh expired login for the event's own run
      await until(
        async () =>
          (await env.sql("SELECT 1 FROM sessions WHERE expires_at < now() - interval '7 days'"))
            .length === 0,
      );
      await env.sql(
        "INSERT INTO sessions (user_id, created_at, expires_at) VALUES ($1, now() - interval '30 days', now() - interval '20 days')",
        [user.id],
      );
      const started = Date.now();
      await withTransaction(ctxOf(env), (tx) =>
        writeOutbox(tx, {
          queue: 'maintenance',
          job: 'purge-sessions',
          payload: {},
          jobId: 'purge-now',
        }),
      );
      await until(
        async () =>
          (await env.sql("SELECT 1 FROM sessions WHERE expires_at < now() - interval '7 days'"))
            .length === 0,
      );
      // woken by NOTIFY, not by the 5 s poll
      expect(Date.now() - started).toBeLessThan(2500);
      const [row] = await env.sql<{ published_at: Date | null }>(
        'SELECT published_at FROM outbox ORDER BY id DESC LIMIT 1',
      );
      expect(row.published_at).not.toBeNull();
    } finally {
      await worker.close();
    }
  });

  it('keeps an event the registry does not know, counting attempts, without blocking the rest', async () => {
    await env.sql(
      "INSERT INTO outbox (queue, job_name, payload) VALUES ('nowhere', 'nothing', '{}')",
    );
    await withTransaction(ctxOf(env), (tx) =>
      writeOutbox(tx, { queue: 'maintenance', job: 'purge-sessions', payload: {} }),
    );
    const redis = createRedis(TEST_REDIS_URL, 'producer');
    const queues = createQueues(redis, `${env.config.queuePrefix}-bad`);
    try {
      await relayOutboxBatch(env.database.db, queues, env.clock);
      const rows = await env.sql<{
        queue: string;
        published_at: Date | null;
        attempts: number;
        last_error: string | null;
      }>(
        "SELECT queue, published_at, attempts, last_error FROM outbox WHERE published_at IS NULL OR queue = 'nowhere' ORDER BY id",
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ queue: 'nowhere', published_at: null, attempts: 1 });
      expect(rows[0].last_error).toContain('unknown job');
    } finally {
      await queues.close();
      redis.disconnect();
    }
  });

  it('while Redis is away it publishes nothing and spends no attempts', async () => {
    await env.sql('UPDATE outbox SET published_at = now() WHERE published_at IS NULL');
    await withTransaction(ctxOf(env), (tx) =>
      writeOutbox(tx, { queue: 'maintenance', job: 'purge-sessions', payload: {} }),
    );
    const dead = createRedis('redis://127.0.0.1:1', 'producer');
    const queues = createQueues(dead, `${env.config.queuePrefix}-dead`);
    try {
      for (let i = 0; i < 3; i++)
        expect(await relayOutboxBatch(env.database.db, queues, env.clock)).toBe(0);
      const [row] = await env.sql<{ attempts: number; published_at: Date | null }>(
        'SELECT attempts, published_at FROM outbox WHERE published_at IS NULL',
      );
      expect(row).toMatchObject({ attempts: 0, published_at: null });
    } finally {
      await queues.close().catch(() => {});
      dead.disconnect();
    }
  });

  it('two relays racing publish each event exactly once', async () => {
    await env.sql('UPDATE outbox SET published_at = now() WHERE published_at IS NULL');
    await env.sql(
      "INSERT INTO outbox (queue, job_name, payload) SELECT 'maintenance', 'purge-sessions', '{}' FROM generate_series(1, 300)",
    );
    const redis = createRedis(TEST_REDIS_URL, 'producer');
    const prefix = `${env.config.queuePrefix}-race`;
    const queues = createQueues(redis, prefix);
    try {
      const drain = async () => {
        while ((await relayOutboxBatch(env.database.db, queues, env.clock, 50)) > 0) {}
      };
      await Promise.all([drain(), drain()]);
      const counts = await queues.get('maintenance').getJobCounts('waiting', 'delayed', 'active');
      expect(counts.waiting + counts.delayed + counts.active).toBe(300);
      const [{ left }] = await env.sql<{ left: number }>(
        'SELECT count(*)::int AS left FROM outbox WHERE published_at IS NULL',
      );
      expect(left).toBe(0);
    } finally {
      await queues.get('maintenance').obliterate({ force: true });
      await queues.close();
      redis.disconnect();
    }
  });

  it('an event committed while a batch is under way is published at once, not after the poll', async () => {
    await env.sql('UPDATE outbox SET published_at = now() WHERE published_at IS NULL');
    // the batch that publishes the first event stalls in its final UPDATE, so the second
    // event's notification arrives while that batch is still running
    await env.sql(`
      CREATE FUNCTION stall_outbox_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(1.5); RETURN NEW; END $$;
      CREATE TRIGGER stall_outbox_update BEFORE UPDATE ON outbox FOR EACH ROW
        WHEN (OLD.job_id = 'stall-first') EXECUTE FUNCTION stall_outbox_update();`);
    const redis = createRedis(TEST_REDIS_URL, 'producer');
    const queues = createQueues(redis, `${env.config.queuePrefix}-midbatch`);
    const relay = startOutboxRelay({
      db: env.database.db,
      databaseUrl: env.config.databaseUrl,
      queues,
      clock: env.clock,
      log: ctxOf(env).log,
      pollMs: 5000,
    });
    const publish = (jobId: string) =>
      withTransaction(ctxOf(env), (tx) =>
        writeOutbox(tx, { queue: 'maintenance', job: 'purge-sessions', payload: {}, jobId }),
      );
    const published = (jobId: string) =>
      until(async () => {
        const rows = await env.sql(
          'SELECT 1 FROM outbox WHERE job_id = $1 AND published_at IS NOT NULL',
          [jobId],
        );
        return rows.length > 0;
      });
    try {
      await relay.listening;
      await publish('stall-first');
      await until(async () => {
        const rows = await env.sql(
          "SELECT 1 FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND datname = current_database()",
        );
        return rows.length > 0;
      });
      const started = Date.now();
      await publish('second');
      await published('second');
      expect(Date.now() - started).toBeLessThan(3500);
      await published('stall-first');
    } finally {
      await relay.stop();
      await env.sql('DROP TRIGGER stall_outbox_update ON outbox');
      await queues.get('maintenance').obliterate({ force: true });
      await queues.close();
      redis.disconnect();
    }
  });

  it('purges published rows after a day and keeps the rest', async () => {
    await env.sql(
      "UPDATE outbox SET published_at = now() - interval '2 days' WHERE published_at IS NOT NULL",
    );
    await env.sql(
      "INSERT INTO outbox (queue, job_name, payload, published_at) VALUES ('maintenance', 'purge-sessions', '{}', now())",
    );
    await env.sql("INSERT INTO outbox (queue, job_name, payload) VALUES ('nowhere', 'kept', '{}')");
    const worker = await startWorker({
      config: env.config,
      database: env.database,
      clock: env.clock,
      log: ctxOf(env).log,
    });
    try {
      await withTransaction(ctxOf(env), (tx) =>
        writeOutbox(tx, {
          queue: 'maintenance',
          job: 'purge-outbox',
          payload: {},
          jobId: 'purge-outbox-now',
        }),
      );
      await until(
        async () =>
          (await env.sql("SELECT 1 FROM outbox WHERE published_at < now() - interval '1 day'"))
            .length === 0,
      );
      const left = await env.sql<{ job_name: string }>('SELECT job_name FROM outbox ORDER BY id');
      expect(left.map((r) => r.job_name)).toEqual(
        expect.arrayContaining(['purge-sessions', 'kept', 'purge-outbox']),
      );
    } finally {
      await worker.close();
    }
  });

  it('refuses to write an outbox event outside a transaction', async () => {
    await expect(
      writeOutbox(ctxOf(env), { queue: 'maintenance', job: 'purge-sessions', payload: {} }),
    ).rejects.toThrow(/inside withTransaction/);
  });

  it('the worker registers its job schedulers with a next run', async () => {
    const worker = await startWorker({
      config: env.config,
      database: env.database,
      clock: env.clock,
      log: ctxOf(env).log,
    });
    const redis = createRedis(TEST_REDIS_URL, 'producer');
    const queues = createQueues(redis, env.config.queuePrefix);
    try {
      const schedulers = await queues.get('maintenance').getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toContain('purge-sessions');
      expect(schedulers.find((s) => s.key === 'purge-sessions')?.next).toBeGreaterThan(
        Date.now() - 1000,
      );
    } finally {
      await worker.close();
      await queues.close();
      redis.disconnect();
    }
  });
});
