import { Worker } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * The routing floor's consumer, run as its own process like the real worker: a BullMQ
 * worker on a scratch queue whose jobs do nothing, with the real worker's concurrency (20).
 */
const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  maxRetriesPerRequest: null,
});
connection.on('error', () => {});
const worker = new Worker(process.env.BENCH_QUEUE ?? 'bench-noop', async () => {}, {
  connection,
  prefix: process.env.QUEUE_PREFIX,
  concurrency: 20,
});
await worker.waitUntilReady();
console.log('noop worker ready');

const stop = async () => {
  await worker.close();
  connection.disconnect();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
