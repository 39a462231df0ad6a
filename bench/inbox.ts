import autocannon from 'autocannon';
import { spawnService } from '../test/support/worker-process.js';
import { fmt, progress, ratioOf, type BenchOptions, type Result } from './options.js';
import { peakRssMb } from './rss.js';
import { loginOverHttp as login } from '../test/support/worker-process.js';
import { freePort, quiesce, type World } from './world.js';

const CONNECTIONS = 64;
const WARM_UP_SECONDS = 2;
/** Each side's run is cut into turns this long, floor and API in alternation. */
const TURN_SECONDS = 2.5;
const UNIT = 'ga';

/** One autocannon run, then a wait until the database has finished what it left queued. */
async function load(
  world: World,
  url: string,
  seconds: number,
  headers: Record<string, string> = {},
) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  await quiesce(world);
  return result;
}

/**
 * `seconds` of load on each of two targets in alternating turns: the machine's speed drifts
 * over seconds here, and run one after the other the two rates met different machines.
 * Answers each side's requests a second over all its turns, its p50 and p99 as the worst
 * turn's, and its failures.
 */
async function alternating(
  world: World,
  seconds: number,
  sides: { url: string; headers?: Record<string, string> }[],
) {
  const totals = sides.map(() => ({ requests: 0, seconds: 0, p50: 0, p99: 0, failures: 0 }));
  const turns = Math.max(1, Math.round(seconds / TURN_SECONDS));
  for (let turn = 0; turn < turns; turn++) {
    for (const [i, side] of sides.entries()) {
      const r = await load(world, side.url, seconds / turns, side.headers);
      const t = totals[i];
      t.requests += r.requests.total;
      t.seconds += r.duration;
      t.p50 = Math.max(t.p50, r.latency.p50);
      t.p99 = Math.max(t.p99, r.latency.p99);
      t.failures += r.non2xx + r.errors;
    }
  }
  return totals.map((t) => ({ ...t, rate: t.requests / t.seconds }));
}

async function firstPage(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
}

export interface InboxRun {
  result: Result;
  /** Peak RSS of the floor process, the API's memory floor. */
  floorRssMb: number;
}

/**
 * A unit's inbox, `GET /api/tasks` as `unit-ga` (JWT check, session lookup, scoped list,
 * zod serialisation; the API process logs at its default `info` level), under autocannon
 * with 64 connections, against the floor process (bench/floor-server.ts) answering the same
 * SQL with no auth. Both are separate processes; autocannon runs in this one. Each gets a
 * short warm-up; then they take turns.
 */
export async function benchInbox(
  world: World,
  opts: BenchOptions,
  apiUrl: string,
): Promise<InboxRun> {
  const start = performance.now();
  const token = await login(apiUrl, `unit-${UNIT}`);
  const auth = { authorization: `Bearer ${token}` };
  const port = await freePort();
  const floor = await spawnService('bench/floor-server.ts', world.config, 'floor listening', {
    PORT: String(port),
    BENCH_CONFERENCE_ID: world.conferenceId,
    BENCH_UNIT_ID: world.units.get(UNIT)!,
  });
  try {
    const floorUrl = `http://127.0.0.1:${port}/tasks`;
    const apiInbox = `${apiUrl}/api/tasks`;
    const [a, b] = [await firstPage(apiInbox, auth), await firstPage(floorUrl)];
    if (a.length !== b.length || a.some((id, i) => id !== b[i])) {
      throw new Error('the floor and the API list different tasks: the SQL is not the same');
    }
    progress(start, `API and floor list the same first page (${a.length} tasks)`);

    await load(world, floorUrl, WARM_UP_SECONDS);
    await load(world, apiInbox, WARM_UP_SECONDS, auth);
    const [f, r] = await alternating(world, opts.inboxSeconds, [
      { url: floorUrl },
      { url: apiInbox, headers: auth },
    ]);
    progress(start, `floor: ${fmt(f.rate, 0)} req/s, p99 ${f.p99} ms`);
    progress(start, `API: ${fmt(r.rate, 0)} req/s, p99 ${r.p99} ms`);
    const floorRssMb = peakRssMb(floor.child.pid!);

    const ratio = ratioOf(r.rate, f.rate);
    return {
      floorRssMb,
      result: {
        name: `unit inbox GET /api/tasks (${CONNECTIONS} connections)`,
        value: r.rate,
        baseline: f.rate,
        ratio,
        unit: 'req/s',
        goal: '≥ 0.8× and p99 ≤ 20 ms',
        met: f.failures + r.failures === 0 && ratio !== null && ratio >= 0.8 && r.p99 <= 20,
        note:
          `${opts.inboxSeconds} s each in alternating turns of ${TURN_SECONDS} s; latency of ` +
          `the worst turn: API p50 ${r.p50} ms, p99 ${r.p99} ms; floor p50 ${f.p50} ms, ` +
          `p99 ${f.p99} ms; ${fmt(r.requests)} API requests, non-2xx/errors: ` +
          `API ${r.failures}, floor ${f.failures}`,
      },
    };
  } finally {
    await floor.stop();
  }
}
