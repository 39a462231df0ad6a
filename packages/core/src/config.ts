import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TIMER_WINDOW_MS } from '@lianxi/domain';
import { z } from 'zod';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/lianxi'),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_{}.-]+$/)
    .default('lianxi'),
  JWT_SECRET: z.string().min(32).optional(),
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.stringbool().default(false),
  /** Login attempts per client address per minute, before the per-account lockout. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).default(900),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  /** Keys that seal reporters' identities: `id:base64key,…`, 32-byte keys, the first seals. */
  REPORTER_KEYS: z.string().min(1).optional(),
  /**
   * How often the worker sweeps PostgreSQL for due clocks no timer handled. At most the
   * timer window: checks beyond it get their timers from this sweep.
   */
  RECONCILE_EVERY_MS: z.coerce.number().int().min(200).max(TIMER_WINDOW_MS).default(30_000),
  /** What a Prometheus scraper presents (`Authorization: Bearer …`) to read `/metrics`. */
  METRICS_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16).optional()),
  /** Check every response against its schema through zod as well; off by default in production. */
  CHECK_RESPONSES: z.stringbool().optional(),
  /** Outside production: run the clocks this many milliseconds off real time (rehearsals, tests). */
  CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
});

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  jwtSecret: string;
  dataDir: string;
  logLevel: string;
  trustProxy: boolean;
  loginRateLimit: number;
  accessTokenTtlSeconds: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  reconcileEveryMs: number;
  reporterKeys: ReporterKeys;
  /** In production `/metrics` answers only to this bearer token, and is closed without one. */
  metricsToken?: string;
  /** Responses are checked through zod before they are written (development and tests). */
  checkResponses: boolean;
  /** Milliseconds the service's clock runs off real time; 0 (and always 0 in production). */
  clockOffsetMs?: number;
}

export interface ReporterKeys {
  /** The id of the key new seals use. */
  current: string;
  keys: ReadonlyMap<string, Buffer>;
}

export class ConfigError extends Error {}

/** Reads the environment once; a bad value stops start-up with every problem named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 / invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    jwtSecret: e.JWT_SECRET ?? developmentSecret(e.NODE_ENV, dataDir),
    dataDir,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    reconcileEveryMs: e.RECONCILE_EVERY_MS,
    metricsToken: e.METRICS_TOKEN,
    checkResponses: e.CHECK_RESPONSES ?? e.NODE_ENV !== 'production',
    reporterKeys: parseReporterKeys(e.REPORTER_KEYS ?? developmentKeys(e.NODE_ENV, dataDir)),
    clockOffsetMs: clockOffset(e.NODE_ENV, e.CLOCK_OFFSET_MS),
  };
}

function clockOffset(env: Config['env'], offsetMs: number): number {
  if (env === 'production' && offsetMs !== 0) {
    throw new ConfigError('CLOCK_OFFSET_MS 只能用于演练和测试环境，生产环境必须使用真实时间');
  }
  return offsetMs;
}

/** Reads `id:base64key,…`; every key must be 32 bytes (AES-256). */
export function parseReporterKeys(text: string): ReporterKeys {
  const keys = new Map<string, Buffer>();
  for (const entry of text.split(',')) {
    const [id, encoded] = entry.trim().split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id ?? '') || key.length !== 32) {
      throw new ConfigError(
        'REPORTER_KEYS 格式错误：应为 “编号:32字节密钥的base64”，多个用逗号分隔',
      );
    }
    keys.set(id, key);
  }
  return { current: [...keys.keys()][0], keys };
}

function developmentKeys(env: Config['env'], dataDir: string): string {
  if (env === 'production') {
    throw new ConfigError('REPORTER_KEYS 未设置：生产环境必须提供举报人信息加密密钥');
  }
  return keptSecret(dataDir, 'reporter-keys', () => `dev1:${randomBytes(32).toString('base64')}`);
}

/** Outside production a secret is generated once and kept, so logins survive restarts. */
function developmentSecret(env: Config['env'], dataDir: string): string {
  if (env === 'production') {
    throw new ConfigError('JWT_SECRET 未设置：生产环境必须提供至少 32 个字符的 JWT_SECRET');
  }
  return keptSecret(dataDir, 'jwt-secret', () => randomBytes(48).toString('base64url'));
}

function keptSecret(dataDir: string, name: string, make: () => string): string {
  const file = join(dataDir, name);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = make();
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
