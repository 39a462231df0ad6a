import { collectGarbageSooner, loadConfig, shiftedClock } from '@lianxi/core';
import { openDatabase } from '@lianxi/db';
import pino from 'pino';
import { startWorker } from './worker.js';

/** The worker alone, as deployments run it beside separate API processes. */
collectGarbageSooner();
const config = loadConfig();
const log = pino({ level: config.logLevel, name: 'worker' });
const database = openDatabase(config.databaseUrl);
const worker = await startWorker({
  config,
  database,
  clock: shiftedClock(config.clockOffsetMs ?? 0),
  log,
});
log.info({ prefix: config.queuePrefix }, 'worker started');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: letting active jobs finish');
    await worker.close();
    await database.close();
    process.exit(0);
  });
}
