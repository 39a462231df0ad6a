import type { Clock, Config } from '@lianxi/core';
import type { Database } from '@lianxi/db';
import type { FastifyServerOptions } from 'fastify';
import type { Redis } from 'ioredis';

/** Everything the API needs from outside; tests build their own and never listen. */
export interface AppDeps {
  config: Config;
  database: Database;
  /** The producer connection: fails fast, so a request answers 503 while Redis is down. */
  redis: Redis;
  clock: Clock;
  /** false in tests that want silence; pino options (level, stream, transport) otherwise. */
  logger?: FastifyServerOptions['logger'];
  /** Where the built web workbench is; false to serve the API alone. */
  webDist?: string | false;
}
