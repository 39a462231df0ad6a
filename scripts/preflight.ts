import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Before anything starts: is PostgreSQL there, is Redis there? A newcomer gets one line
 * saying which is missing and how to start it, not a stack trace.
 */
export async function preflight(databaseUrl: string, redisUrl: string): Promise<string[]> {
  const problems: string[] = [];
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({
    connectionString: admin.toString(),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
  } catch (e) {
    problems.push(
      `无法连接 PostgreSQL（${admin.host}）：${(e as Error).message.replace(/[.。]$/, '')}。请先启动：pg_ctlcluster 15 main start，或 docker compose up -d postgres`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (e) {
    problems.push(
      `无法连接 Redis（${new URL(redisUrl).host}）：${(e as Error).message.replace(/[.。]$/, '')}。请先启动：redis-server --daemonize yes，或 docker compose up -d redis`,
    );
  } finally {
    redis.disconnect();
  }
  return problems;
}
