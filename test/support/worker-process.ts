import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '@lianxi/core';
import { DEMO_PASSWORD } from '@lianxi/db';
import { SERVICE_NODE_FLAGS } from '../../scripts/build-services.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServiceProcess {
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The environment a service process reads its configuration from. */
const serviceEnv = (config: Config, extra: Record<string, string> = {}) => ({
  ...process.env,
  NODE_ENV: 'test',
  DATABASE_URL: config.databaseUrl,
  REDIS_URL: config.redisUrl,
  QUEUE_PREFIX: config.queuePrefix,
  JWT_SECRET: config.jwtSecret,
  REPORTER_KEYS: [...config.reporterKeys.keys]
    .map(([id, key]) => `${id}:${key.toString('base64')}`)
    .join(','),
  RECONCILE_EVERY_MS: String(config.reconcileEveryMs),
  DATA_DIR: config.dataDir,
  CHECK_RESPONSES: String(config.checkResponses),
  CLOCK_OFFSET_MS: String(Math.round(config.clockOffsetMs ?? 0)),
  LOG_LEVEL: 'info',
  ...extra,
});

/**
 * A service as its own OS process, ready once it logs `ready`: its sources
 * (`apps/<name>/src/<entry>.ts`) through tsx, or a built bundle (`dist/<name>.mjs`) as is.
 */
export async function spawnService(
  entry: string,
  config: Config,
  ready: string,
  extra: Record<string, string> = {},
): Promise<ServiceProcess> {
  // node itself (with tsx as a loader for sources), not the tsx CLI: the CLI runs the
  // service in a child of its own, and a SIGKILL to the CLI would leave that child running
  const args = [
    ...SERVICE_NODE_FLAGS,
    ...(entry.endsWith('.mjs') ? [] : ['--import', 'tsx']),
    entry,
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: serviceEnv(config, extra),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    // the service compiles on start: slow on a busy machine, so allow a minute
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not start within 60 s`));
    }, 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  child.stdout!.resume();
  return {
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

/**
 * The worker as its own OS process, pointed at this test's database and Redis: from its
 * sources, or from `entry` (the bundle `npm run worker` builds and runs).
 */
export const spawnWorkerProcess = (config: Config, entry = 'apps/worker/src/main.ts') =>
  spawnService(entry, config, 'worker started');

/** The API alone on `port`: from its sources, or from `entry` (the bundle `npm run api` runs). */
export const spawnApiProcess = (config: Config, port: number, entry = 'apps/api/src/server.ts') =>
  spawnService(entry, config, 'Server listening', {
    PORT: String(port),
    HOST: '127.0.0.1',
  });

/** Logs in through the real API and answers the bearer token. */
export async function loginOverHttp(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
