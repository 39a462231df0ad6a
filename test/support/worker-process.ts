import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '@lianxi/core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run worker` as its own OS process, pointed at this test's database and Redis. */
export async function spawnWorkerProcess(
  config: Config,
): Promise<{ child: ChildProcess; stop(signal?: NodeJS.Signals): Promise<number | null> }> {
  const child = spawn(`${ROOT}/node_modules/.bin/tsx`, ['apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: {
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
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker process did not start')), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker started')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`worker process exited with ${code}`)));
  });
  child.stdout!.resume();
  return {
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}
