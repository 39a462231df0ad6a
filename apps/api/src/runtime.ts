import { type Config, shiftedClock } from '@lianxi/core';
import { openDatabase } from '@lianxi/db';
import { createRedis } from '@lianxi/queue';
import type { AppDeps } from './deps.js';

/** Opens the connections the API needs in a real process, and closes them again. */
export function openApiDeps(config: Config): AppDeps & { close(): Promise<void> } {
  const database = openDatabase(config.databaseUrl);
  const redis = createRedis(config.redisUrl, 'producer');
  return {
    config,
    database,
    redis,
    clock: shiftedClock(config.clockOffsetMs ?? 0),
    logger:
      config.env === 'development'
        ? { level: config.logLevel, transport: { target: 'pino-pretty' } }
        : { level: config.logLevel },
    close: async () => {
      redis.disconnect();
      await database.close();
    },
  };
}
