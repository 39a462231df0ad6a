import autocannon from 'autocannon';
import { spawnService } from '../test/support/worker-process.js';
import { fmt, progress, ratioOf, type BenchOptions, type Result } from './options.js';
import { peakRssMb } from './rss.js';
import { loginOverHttp as login } from '../test/support/worker-process.js';
import { freePort, quiesce, type World } from './world.js';

const CONNECTIONS = 64;
const WARM_UP_SECONDS = 2;
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
 * short warm-up; the floor is measured first, then the API.
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
    const f = await load(world, floorUrl, opts.inboxSeconds);
    progress(start, `floor: ${fmt(f.requests.average, 0)} req/s, p99 ${f.latency.p99} ms`);
    await load(world, apiInbox, WARM_UP_SECONDS, auth);
    const r = await load(world, apiInbox, opts.inboxSeconds, auth);
    progress(start, `API: ${fmt(r.requests.average, 0)} req/s, p99 ${r.latency.p99} ms`);
    const floorRssMb = peakRssMb(floor.child.pid!);

    const ratio = ratioOf(r.requests.average, f.requests.average);
    const failures = r.non2xx + r.errors + f.non2xx + f.errors;
    return {
      floorRssMb,
      result: {
        name: `unit inbox GET /api/tasks (${CONNECTIONS} connections)`,
        value: r.requests.average,
        baseline: f.requests.average,
        ratio,
        unit: 'req/s',
        goal: '≥ 0.8× and p99 ≤ 20 ms',
        met: failures === 0 && ratio !== null && ratio >= 0.8 && r.latency.p99 <= 20,
        note:
          `${opts.inboxSeconds} s each; API latency p50 ${r.latency.p50} ms, ` +
          `p99 ${r.latency.p99} ms; floor p50 ${f.latency.p50} ms, p99 ${f.latency.p99} ms; ` +
          `${fmt(r.requests.total)} API requests, non-2xx/errors: API ${r.non2xx}/${r.errors}, ` +
          `floor ${f.non2xx}/${f.errors}`,
      },
    };
  } finally {
    await floor.stop();
  }
}
