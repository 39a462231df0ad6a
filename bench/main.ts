import { rm } from 'node:fs/promises';
import type pg from 'pg';
import { buildService } from '../scripts/build-services.js';
import {
  type ServiceProcess,
  spawnApiProcess,
  spawnWorkerProcess,
} from '../test/support/worker-process.js';
import { benchEscalate, type EscalateRun } from './escalate.js';
import { census, generateClues, generateTasks, settle } from './generate.js';
import { benchInbox } from './inbox.js';
import { benchIssueOrder } from './issue-order.js';
import { benchLateness } from './lateness.js';
import { fmt, readOptions, type Result, sizeVariables } from './options.js';
import { describeMachine, isFullScale, printTable, writeReport } from './report.js';
import { benchRouting } from './routing.js';
import { rssResult } from './rss.js';
import { freePort, openWorld, waitFor, type World } from './world.js';

/**
 * `npm run bench`: builds a world of the issue's size, then measures each figure beside its
 * floor in the same run, prints the table and writes BENCHMARKS.md. Order matters: the
 * in-process measurements (escalation sweep, issuing orders) run before any worker exists;
 * the API, then the worker, are started as processes for the rest; their peak RSS is read
 * last, before they stop.
 */
const opts = readOptions();
const t0 = performance.now();
const results: Result[] = [];
const failures: string[] = [];
const elapsed = () => `${fmt((performance.now() - t0) / 1000, 0)} s`;

async function measure<T>(name: string, fn: () => Promise<T>): Promise<T | undefined> {
  console.log(`\n▶ ${name} (at ${elapsed()})`);
  try {
    return await fn();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    failures.push(`${name}: ${message}`);
    console.error(`✗ ${name} failed: ${message}`);
    return undefined;
  }
}

async function outboxDrained(world: World, timeoutMs: number): Promise<boolean> {
  return waitFor(async () => {
    const [{ left }] = await world.sql<{ left: number }>(
      'SELECT count(*)::int AS left FROM outbox WHERE published_at IS NULL',
    );
    return left === 0;
  }, timeoutMs);
}

async function main() {
  console.log(
    `lianxi bench: ${fmt(opts.tasks)} tasks, ${fmt(opts.clues)} clues, ${fmt(opts.due)} due, ` +
      `${fmt(opts.deadlines)} deadlines, sweeps among ${fmt(opts.open)}` +
      `${opts.scaleTwice ? ` and ${fmt(2 * opts.open)}` : ''} open` +
      `${isFullScale(opts) ? '' : ' (reduced sizes)'}`,
  );
  console.log(`\n▶ world: database ${opts.dbName}`);
  const world = await openWorld(opts);
  let api: ServiceProcess | undefined;
  let worker: ServiceProcess | undefined;
  try {
    const client = await world.client();
    try {
      await generateTasks(world, client, {
        tasks: opts.tasks,
        tag: '压测交',
        spreadDays: 365,
        openOnly: false,
      });
      await generateClues(world, client, opts.clues);
      // the sweep plants its overdue tasks among these: BENCH_OPEN open in all while it runs
      await topUpOpen(world, client, opts.open - opts.due, '压测在办');
      await settle(client);
    } finally {
      await client.end();
    }
    const generated = await census(world);
    const machine = await describeMachine(world);

    const once = await measure('escalation sweep', () => benchEscalate(world, opts, ''));
    if (once) results.push(once.result);
    const issued = await measure('issue a work order', () => benchIssueOrder(world, opts));
    if (issued) results.push(issued);

    const port = await freePort();
    const apiUrl = `http://127.0.0.1:${port}`;
    console.log(`\n▶ API process on ${apiUrl} (at ${elapsed()})`);
    api = await spawnApiProcess(world.config, port, await buildService('api'));
    const inbox = await measure('unit inbox', () => benchInbox(world, opts, apiUrl));
    if (inbox) results.push(inbox.result);

    console.log(`\n▶ worker process (at ${elapsed()})`);
    worker = await spawnWorkerProcess(world.config, await buildService('worker'));
    if (!(await outboxDrained(world, 120_000))) failures.push('outbox not drained in 120 s');
    const routing = await measure('clue routing', () => benchRouting(world, opts, apiUrl));
    if (routing) results.push(routing.result);
    const late = await measure('deadline lateness', () => benchLateness(world, opts));
    if (late) results.push(late);

    await measure('peak RSS', async () => {
      results.push(
        rssResult(
          'API peak RSS',
          api!.child.pid!,
          inbox?.floorRssMb ?? null,
          'the inbox floor process after its autocannon run',
          'the inbox load and the clue intake',
        ),
        rssResult(
          'worker peak RSS',
          worker!.child.pid!,
          routing?.noopRssMb ?? null,
          'the no-op BullMQ worker process after its jobs',
          'relaying the outbox, routing clues and the lateness deadlines',
        ),
      );
    });
    await worker.stop();
    await api.stop();
    [worker, api] = [undefined, undefined];

    if (opts.scaleTwice) await scaleTwice(world, once);

    const data = await census(world);
    printTable(results);
    for (const f of failures) console.log(`failed: ${f}`);
    await writeReport({
      machine,
      opts,
      command: `${sizeVariables()} npm run bench`.trim(),
      seconds: (performance.now() - t0) / 1000,
      generated,
      data,
      results,
      failures,
    });
  } finally {
    await worker?.stop();
    await api?.stop();
    await world.close();
    await rm(world.config.dataDir, { recursive: true, force: true });
  }
  console.log(`done in ${elapsed()}`);
  if (failures.length) process.exitCode = 1;
}

/**
 * Adds open tasks, none of them due, until `open` are open: the realistic mix leaves about
 * one in eight open, and the sweep is to be measured among as many open tasks as the issue
 * names.
 */
async function topUpOpen(world: World, client: pg.Client, open: number, tag: string) {
  const [{ n }] = (
    await client.query(
      `SELECT count(*)::int AS n FROM tasks
        WHERE status IN ('issued', 'accepted', 'returned', 'reported')`,
    )
  ).rows;
  if (open <= n) return;
  console.log(`\n▶ adding ${fmt(open - n)} open tasks, none due (at ${elapsed()})`);
  await generateTasks(world, client, { tasks: open - n, tag, spreadDays: 30, openOnly: true });
}

/**
 * The second sweep (BENCH_SCALE_TWICE, on by default): adds open tasks, none due, so that
 * with as many overdue tasks planted again twice BENCH_OPEN are open (the measurements in
 * between left some open already), and sweeps again: the rate should follow the due items,
 * not the open ones.
 */
async function scaleTwice(world: World, once: EscalateRun | undefined) {
  const client = await world.client();
  try {
    await topUpOpen(world, client, 2 * opts.open - opts.due, '压测增交');
    await settle(client);
  } finally {
    await client.end();
  }
  const twice = await measure('escalation sweep, more open', () =>
    benchEscalate(world, opts, 'more open'),
  );
  if (!twice) return;
  if (once) {
    const ratio = twice.rate / once.rate;
    twice.result.note +=
      ` Compared with the first sweep (${fmt(once.open)} open): ${fmt(twice.open)} open, ` +
      `engine rate ${ratio.toFixed(2)}× the first.`;
  }
  results.push(twice.result);
}

await main();
