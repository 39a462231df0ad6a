import { Redis, type RedisOptions } from 'ioredis';

/**
 * Workers block on Redis and must wait through an outage (maxRetriesPerRequest: null, as
 * BullMQ requires); the API's producer connection fails fast so a request answers 503
 * instead of hanging while Redis is down.
 */
export function createRedis(url: string, purpose: 'worker' | 'producer'): Redis {
  const options: RedisOptions =
    purpose === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 2000,
          retryStrategy: (times) => Math.min(times * 200, 2000),
        };
  const redis = new Redis(url, { ...options, lazyConnect: false });
  // Errors surface on the commands that fail; an unhandled 'error' event would kill the process.
  redis.on('error', () => {});
  return redis;
}
