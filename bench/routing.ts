import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { spawnService } from '../test/support/worker-process.js';
import { fmt, progress, ratioOf, type BenchOptions, type Result } from './options.js';
import { peakRssMb } from './rss.js';
import { loginOverHttp as login } from '../test/support/worker-process.js';
import { waitFor, type World } from './world.js';

/** Requests (or job adds) in flight at once, for both sides. */
const IN_FLIGHT = 8;
const NOOP_QUEUE = 'bench-noop';

/** Runs `op(0..count-1)` with `width` in flight; answers when all have settled. */
async function inFlight(count: number, width: number, op: (i: number) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < count) await op(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, lane));
}

/** A clue body; every fifth is large enough for the police rule, every seventh online. */
const clueBody = (run: string, i: number) => ({
  channel: 'hotline',
  subject: { name: `路由压测${run}-${i}` },
  category: i % 7 === 0 ? 'online' : 'gathering',
  description: i % 11 === 0 ? '有学生被拉入传销组织' : '举报有人以高额返利为诱饵发展下线',
  participants: i % 5 === 0 ? 50 : 8,
  levels: i % 5 === 0 ? 4 : 1,
});

export interface RoutingRun {
  result: Result;
  /** Peak RSS of the no-op worker process, the worker's memory floor. */
  noopRssMb: number;
}

/**
 * Clue routing end to end: `opts.routeClues` clues posted to `POST /api/clues` as the office
 * (8 in flight), each committed with its outbox row, relayed to BullMQ, routed by the worker
 * process through the rules into a hand-off. The clock stops at the last hand-off's
 * `sent_at`. Floor: as many no-op jobs added (8 in flight) to a scratch queue and completed
 * by a bare BullMQ worker process (concurrency 20, like the real one); the clock stops at
 * the last `finishedOn`. The ratio is of throughputs. The issue sets no goal for it.
 */
export async function benchRouting(
  world: World,
  opts: BenchOptions,
  apiUrl: string,
): Promise<RoutingRun> {
  const start = performance.now();
  const n = opts.routeClues;
  const token = await login(apiUrl, 'office');
  const run = randomBytes(3).toString('hex');
  const ids: string[] = [];
  const t0 = Date.now();
  await inFlight(n, IN_FLIGHT, async (i) => {
    const res = await fetch(`${apiUrl}/api/clues`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(clueBody(run, i)),
    });
    if (res.status !== 201) throw new Error(`POST /api/clues: ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { id: string }).id);
  });
  const intakeSeconds = (Date.now() - t0) / 1000;
  progress(start, `posted ${fmt(n)} clues in ${fmt(intakeSeconds, 1)} s`);

  let routed = { n: 0, last: new Date(t0) };
  const done = await waitFor(
    async () => {
      [routed] = await world.sql<{ n: number; last: Date }>(
        `SELECT count(*)::int AS n, max(sent_at) AS last FROM handoffs
          WHERE clue_id = ANY($1::uuid[]) AND rule_id IS NOT NULL`,
        [ids],
      );
      return routed.n >= n;
    },
    Math.max(60_000, n * 200),
    50,
  );
  if (!done) throw new Error(`only ${routed.n} of ${n} clues routed`);
  const e2eSeconds = (routed.last.getTime() - t0) / 1000;
  const rate = n / e2eSeconds;
  progress(start, `routed ${fmt(n)} clues in ${fmt(e2eSeconds, 1)} s`);

  const noop = await spawnService('bench/noop-worker.ts', world.config, 'noop worker ready', {
    BENCH_QUEUE: NOOP_QUEUE,
  });
  const connection = new Redis(world.config.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', () => {});
  const queue = new Queue(NOOP_QUEUE, { connection, prefix: world.config.queuePrefix });
  try {
    const q0 = Date.now();
    await inFlight(n, IN_FLIGHT, async (i) => {
      await queue.add('noop', { i });
    });
    const ok = await waitFor(
      async () => (await queue.getJobCounts('completed')).completed >= n,
      60_000,
      20,
    );
    if (!ok) throw new Error('the no-op jobs did not complete within 60 s');
    const jobs = await queue.getJobs(['completed'], 0, n);
    const last = Math.max(...jobs.map((j) => j.finishedOn ?? 0));
    const noopSeconds = (last - q0) / 1000;
    const noopRate = n / noopSeconds;
    progress(start, `no-op jobs: ${fmt(n)} in ${fmt(noopSeconds, 2)} s`);
    return {
      noopRssMb: peakRssMb(noop.child.pid!),
      result: {
        name: `clue routing end to end (${fmt(n)} clues)`,
        value: rate,
        baseline: noopRate,
        ratio: ratioOf(rate, noopRate),
        unit: 'clues/s',
        goal: 'none set (reported)',
        met: null,
        note:
          `POST /api/clues → outbox → relay → clues/route → hand-off; intake took ` +
          `${fmt(intakeSeconds, 1)} s, last hand-off at ${fmt(e2eSeconds, 1)} s; ` +
          `floor: ${fmt(n)} BullMQ no-op jobs added and completed in ${fmt(noopSeconds, 2)} s`,
      },
    };
  } finally {
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
    connection.disconnect();
    await noop.stop();
  }
}
