import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { type Config, parseReporterKeys, seedDemo, systemClock } from '@lianxi/core';
import { type Database, openDatabase, runMigrations } from '@lianxi/db';
import { createRedis } from '@lianxi/queue';
import pg from 'pg';
import type { BenchOptions } from './options.js';

/**
 * The benchmark's own world: a database created for the run (dropped first if an earlier
 * run left it), migrated and seeded with the demo conference, and a queue prefix of its own.
 */
export interface World {
  url: string;
  database: Database;
  config: Config;
  redis: ReturnType<typeof createRedis>;
  conferenceId: string;
  /** Unit ids by code, and in code order (the order the generator assigns them). */
  units: Map<string, string>;
  unitIds: string[];
  officeUserId: string;
  sql<T extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<T[]>;
  /**
   * A connection of its own, for temp tables and explicit transactions. JIT is off on it:
   * the bench's own statements run once each, and compiling the generator's wide
   * expressions cost more (9 of 16 s for 100,000 tasks) than running them.
   */
  client(): Promise<pg.Client>;
  close(): Promise<void>;
}

async function admin(opts: BenchOptions, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${opts.pgUrl}/postgres` });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function openWorld(opts: BenchOptions): Promise<World> {
  const name = pg.escapeIdentifier(opts.dbName);
  await admin(opts, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(opts, `CREATE DATABASE ${name}`);
  const url = `${opts.pgUrl}/${opts.dbName}`;
  await runMigrations(url);
  const database = openDatabase(url, { max: 10 });
  const { conferenceId } = await seedDemo(database.db, systemClock);
  const redis = createRedis(opts.redisUrl, 'producer');
  if (redis.status !== 'ready') await once(redis, 'ready');

  const sql = async <T extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
    (await database.pool.query<T>(text, values)).rows;
  const unitRows = await sql<{ id: string; code: string }>(
    'SELECT id, code FROM units WHERE conference_id = $1 ORDER BY code',
    [conferenceId],
  );
  const [office] = await sql<{ id: string }>(`SELECT id FROM users WHERE username = 'office'`);
  const id = randomBytes(4).toString('hex');
  // The API and worker processes get this through test/support/worker-process.ts, which
  // passes URLs, prefix, secrets, keys, data dir and reconcile period; for the rest they use
  // their own defaults, which the values below repeat.
  const config: Config = {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: url,
    redisUrl: opts.redisUrl,
    queuePrefix: `bench-${id}`,
    jwtSecret: randomBytes(48).toString('base64url'),
    dataDir: `/tmp/lianxi-bench-${id}`,
    logLevel: 'silent',
    trustProxy: false,
    loginRateLimit: 20,
    accessTokenTtlSeconds: 900,
    sessionIdleMinutes: 30,
    sessionMaxHours: 12,
    reconcileEveryMs: 30_000,
    // as in production: responses written by their compiled schemas, without the zod check
    checkResponses: false,
    reporterKeys: parseReporterKeys(`b1:${randomBytes(32).toString('base64')}`),
  };
  return {
    url,
    database,
    config,
    redis,
    conferenceId,
    units: new Map(unitRows.map((u) => [u.code, u.id])),
    unitIds: unitRows.map((u) => u.id),
    officeUserId: office.id,
    sql,
    client: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('SET jit = off');
      return client;
    },
    close: async () => {
      await clearRedisPrefix(redis, config.queuePrefix);
      redis.disconnect();
      await database.close();
      if (!opts.keepDb) await admin(opts, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Removes every key of the run's queues and rate limits. */
export async function clearRedisPrefix(redis: World['redis'], prefix: string): Promise<number> {
  let removed = 0;
  for (const pattern of [`${prefix}:*`, `${prefix}-rl-*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) removed += await redis.del(...keys);
    } while (cursor !== '0');
  }
  return removed;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Waits (up to `timeoutMs`) until no other session runs a statement in the bench database:
 * a load generator that stopped may leave queued queries behind it.
 */
export async function quiesce(world: World, timeoutMs = 30_000): Promise<boolean> {
  return waitFor(async () => {
    const [{ n }] = await world.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    return n === 0;
  }, timeoutMs);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` answers true, polling every `everyMs`; false when `timeoutMs` passed. */
export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 100,
): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= end) return false;
    await sleep(everyMs);
  }
}
