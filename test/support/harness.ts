import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { type AppDeps, buildApp } from '@lianxi/api';
import { type Config, parseReporterKeys } from '@lianxi/core';
import { type Database, DEMO_PASSWORD, openDatabase } from '@lianxi/db';
import { createRedis } from '@lianxi/queue';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { TestClock } from './clock.js';
import { adminQuery, databaseUrl, dropDatabase, TEST_REDIS_URL } from './databases.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
/** Two keys, so rotation is exercised: t1 seals, t0 still opens older seals. */
export const TEST_REPORTER_KEYS = `t1:${Buffer.alloc(32, 1).toString('base64')},t0:${Buffer.alloc(32, 7).toString('base64')}`;

export interface Caller {
  token: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export interface TestEnv {
  app: FastifyInstance;
  database: Database;
  config: Config;
  clock: TestClock;
  /** Runs SQL on this file's database, for setting up and checking what the API cannot show. */
  sql<T extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<T[]>;
  /**
   * Logs in with the demo password (or the one given) and calls the API as that user; the
   * login is reused unless `fresh` asks for a new one (after the old one was ended).
   */
  as(username: string, password?: string, fresh?: boolean): Promise<Caller>;
  unitId(code: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A private world for one test file: its own database cloned from the migrated template,
 * its own queue prefix, its own clock, and the API built on them.
 */
export async function createTestEnv(
  overrides: Partial<Config> = {},
  options: { now?: Date | string } = {},
): Promise<TestEnv> {
  const id = randomUUID().replaceAll('-', '').slice(0, 12);
  const name = `lianxi_t_${id}`;
  await cloneTemplate(name);
  const database = openDatabase(databaseUrl(name), { max: 8 });
  const redis = createRedis(TEST_REDIS_URL, 'producer');
  if (redis.status !== 'ready') await once(redis, 'ready');
  const clock = new TestClock(options.now === undefined ? undefined : new Date(options.now));
  const config: Config = {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: databaseUrl(name),
    redisUrl: TEST_REDIS_URL,
    queuePrefix: `lxt-${id}`,
    jwtSecret: TEST_JWT_SECRET,
    dataDir: `/tmp/lianxi-test-${id}`,
    logLevel: 'silent',
    trustProxy: false,
    loginRateLimit: 10_000,
    accessTokenTtlSeconds: 900,
    sessionIdleMinutes: 30,
    sessionMaxHours: 12,
    reconcileEveryMs: 30_000,
    // read when a service process is spawned, so it starts on this world's time
    get clockOffsetMs() {
      return clock.offsetMs;
    },
    checkResponses: true,
    reporterKeys: parseReporterKeys(TEST_REPORTER_KEYS),
    ...overrides,
  };
  const deps: AppDeps = { config, database, redis, clock, logger: false };
  const app = await buildApp(deps);
  await app.ready();

  const tokens = new Map<string, string>();
  const as = async (username: string, password = DEMO_PASSWORD, fresh = false): Promise<Caller> => {
    let token = fresh ? undefined : tokens.get(`${username}\n${password}`);
    if (!token) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200)
        throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      token = res.json().accessToken as string;
      tokens.set(`${username}\n${password}`, token);
    }
    const bearer = token;
    const request = (options: InjectOptions) =>
      app.inject({
        ...options,
        headers: { ...options.headers, authorization: `Bearer ${bearer}` },
      });
    return {
      token: bearer,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, body) =>
        request({
          method: 'POST',
          url,
          ...(body === undefined ? {} : { payload: body as object }),
        }),
      patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
    };
  };

  return {
    app,
    database,
    config,
    clock,
    sql: async (text, values) => (await database.pool.query(text, values)).rows,
    as,
    unitId: async (code) => {
      const { rows } = await database.pool.query('SELECT id FROM units WHERE code = $1', [code]);
      if (!rows[0]) throw new Error(`no unit ${code}`);
      return rows[0].id as string;
    },
    close: async () => {
      await app.close();
      await clearRedisPrefix(redis, config.queuePrefix);
      redis.disconnect();
      await database.close();
      await dropDatabase(name);
    },
  };
}

async function cloneTemplate(name: string): Promise<void> {
  const template = inject('templateDatabase');
  // Two clones of one template at the same instant can collide on the template's lock.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(
        `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`,
      );
      return;
    } catch (e) {
      if (attempt >= 10) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

export async function clearRedisPrefix(redis: ReturnType<typeof createRedis>, prefix: string) {
  for (const pattern of [`${prefix}:*`, `${prefix}-rl-*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  }
}
