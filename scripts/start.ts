import { buildApp, openApiDeps } from '@lianxi/api';
import { collectGarbageSooner, ConfigError, loadConfig, seedDemo } from '@lianxi/core';
import { DEMO_PASSWORD, DEMO_STAFF, ensureDatabase, runMigrations, SEED_UNITS } from '@lianxi/db';
import { startWorker } from '@lianxi/worker';
import { buildWebIfStale } from './build-web.js';
import { preflight } from './preflight.js';

/**
 * `npm start`: one command for a whole platform on one port — creates and migrates the
 * database, seeds the demo conference when it is empty, then runs the API and the worker
 * in this process until Ctrl-C stops both.
 */
async function main() {
  collectGarbageSooner();
  const config = loadConfig();
  const problems = await preflight(config.databaseUrl, config.redisUrl);
  if (problems.length) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
  buildWebIfStale();
  const created = await ensureDatabase(config.databaseUrl);
  await runMigrations(config.databaseUrl);

  const deps = openApiDeps(config);
  const seed = await seedDemo(deps.database.db, deps.clock);
  const app = await buildApp(deps);
  const worker = await startWorker({
    config,
    database: deps.database,
    clock: deps.clock,
    log: app.log.child({ name: 'worker' }),
  });
  await app.listen({ port: config.port, host: config.host });

  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${config.port}`;
  const lines = [
    '',
    `联席 Lianxi 已启动：${url}`,
    `  接口文档 API docs: ${url}/docs`,
    `  数据库 ${created ? '（新建）' : ''}${seed.seeded ? '已写入演示数据' : '沿用已有数据'}`,
    `  演示账号（密码均为 ${DEMO_PASSWORD}，正式使用前必须修改）:`,
    `    ${DEMO_STAFF.map((s) => `${s.username}（${s.displayName}）`).join('  ')}`,
    `    成员单位：${SEED_UNITS.map((u) => `unit-${u.code}`).join(' ')}`,
    '  按 Ctrl-C 停止',
    '',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      console.log('正在停止：等待进行中的请求和任务完成…');
      await app.close();
      await worker.close();
      await deps.close();
      process.exit(0);
    });
  }
}

main().catch((e) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error('启动失败 / failed to start:', e);
  process.exit(1);
});
