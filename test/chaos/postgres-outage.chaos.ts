import { buildApp } from '@lianxi/api';
import { systemClock } from '@lianxi/core';
import { openDatabase } from '@lianxi/db';
import { createRedis } from '@lianxi/queue';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChaosStage, openChaosStage } from './stage.js';

let stage: ChaosStage | undefined;
afterEach(async () => {
  await stage?.close();
  stage = undefined;
});

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Gives up on a promise after `ms`, naming what hung, instead of hanging the test. */
const within = <T>(ms: number, what: string, p: Promise<T>) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} hung for ${ms} ms`)), ms),
    ),
  ]);
/** However the server fails, a request is answered well inside this. */
const ANSWER_WITHIN_MS = 10_000;

describe('PostgreSQL stopped under load', () => {
  it('answers 503 (never 500, never hangs), recovers within 5 s, and loses no acknowledged write', async () => {
    stage = await openChaosStage();
    const database = openDatabase(stage.config.databaseUrl, {
      max: 8,
      connectionTimeoutMillis: 3000,
    });
    const redis = createRedis(stage.config.redisUrl, 'producer');
    const app = await buildApp({
      config: stage.config,
      database,
      redis,
      clock: systemClock,
      logger: false,
      webDist: false,
    });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'office', password: 'Lianxi@2026' },
    });
    expect(login.statusCode, login.body).toBe(200);
    const auth = { authorization: `Bearer ${login.json().accessToken}` };

    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let slowest = 0;
    let down = false;
    let backAt = 0;
    let firstWriteAfterBack = 0;
    let stop = false;
    let n = 0;
    const client = async () => {
      while (!stop) {
        const i = n++;
        const started = Date.now();
        const res = await within(
          ANSWER_WITHIN_MS * 2,
          `request ${i}`,
          i % 3 === 0
            ? app.inject({ method: 'GET', url: '/api/clues?limit=5', headers: auth })
            : app.inject({
                method: 'POST',
                url: '/api/clues',
                headers: auth,
                payload: {
                  channel: 'hotline',
                  subject: { name: `负载主体 ${i}` },
                  category: 'other',
                  description: `负载测试线索 ${i}`,
                },
              }),
        );
        slowest = Math.max(slowest, Date.now() - started);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode === 201) {
          acknowledged.push(res.json().id);
          if (backAt && !firstWriteAfterBack) firstWriteAfterBack = Date.now();
        }
        if (res.statusCode === 503 && !down) down = true;
        if (res.statusCode === 503) await settle(50);
      }
    };
    const clients = Array.from({ length: 6 }, client);
    await settle(2000);
    await within(60_000, 'pg_ctl stop', stage.pg.stop());
    await settle(4000);
    await within(60_000, 'pg_ctl start', stage.pg.start());
    backAt = Date.now();
    await settle(6000);
    stop = true;
    await within(60_000, 'the load', Promise.all(clients));
    // a connection lost mid-transaction must go back to the pool (or be destroyed), never stay out
    expect(database.pool.totalCount - database.pool.idleCount, 'connections left checked out').toBe(
      0,
    );
    await within(30_000, 'closing the API', app.close());
    redis.disconnect();
    await within(30_000, 'closing the pool', database.close());

    expect(down, 'requests saw the outage').toBe(true);
    expect([...statuses.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(slowest).toBeLessThan(ANSWER_WITHIN_MS);
    expect(firstWriteAfterBack - backAt).toBeLessThan(5000);
    expect(firstWriteAfterBack).toBeGreaterThan(0);
    // every write the API acknowledged is there
    const check = new pg.Client({ connectionString: stage.config.databaseUrl });
    await check.connect();
    const { rows } = await check.query('SELECT id FROM clues WHERE id = ANY($1::uuid[])', [
      acknowledged,
    ]);
    await check.end();
    expect(rows.length).toBe(acknowledged.length);
    expect(acknowledged.length).toBeGreaterThan(10);
  });
});
