import { randomUUID } from 'node:crypto';
import { type Config, parseReporterKeys, seedDemo, systemClock } from '@lianxi/core';
import { openDatabase, runMigrations } from '@lianxi/db';
import { type PrivatePostgres, startPrivatePostgres } from '../support/private-postgres.js';
import { startPrivateRedis } from '../support/private-redis.js';
import { TEST_JWT_SECRET, TEST_REPORTER_KEYS } from '../support/harness.js';

/**
 * One chaos scenario's world: its own PostgreSQL and Redis (which it may stop, kill or
 * flush), migrated and seeded with the demo conference, and a configuration pointing at them.
 */
export interface ChaosStage {
  pg: PrivatePostgres;
  redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  config: Config;
  close(): Promise<void>;
}

export async function openChaosStage(overrides: Partial<Config> = {}): Promise<ChaosStage> {
  const pg = await startPrivatePostgres();
  const redis = await startPrivateRedis();
  const databaseUrl = pg.url('lianxi');
  await runMigrations(databaseUrl);
  const seeded = openDatabase(databaseUrl);
  await seedDemo(seeded.db, systemClock);
  await seeded.close();
  const id = randomUUID().slice(0, 8);
  const config: Config = {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    redisUrl: redis.url,
    queuePrefix: `chaos-${id}`,
    jwtSecret: TEST_JWT_SECRET,
    dataDir: `/tmp/lianxi-chaos-${id}`,
    logLevel: 'silent',
    trustProxy: false,
    loginRateLimit: 1_000_000,
    accessTokenTtlSeconds: 900,
    sessionIdleMinutes: 30,
    sessionMaxHours: 12,
    reconcileEveryMs: 2000,
    checkResponses: true,
    reporterKeys: parseReporterKeys(TEST_REPORTER_KEYS),
    ...overrides,
  };
  return {
    pg,
    redis,
    config,
    close: async () => {
      await redis.stop();
      await pg.destroy();
    },
  };
}
