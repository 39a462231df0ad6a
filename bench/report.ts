import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { type BenchOptions, fmt, type Result } from './options.js';
import type { World } from './world.js';

/** Read when the bench starts: how busy the (shared) machine already was. */
const LOAD_AT_START = os.loadavg();

export const REPORT_PATH = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));

export interface Machine {
  cpu: string;
  memory: string;
  load: string;
  os: string;
  node: string;
  postgres: string;
  redis: string;
  date: string;
  code: string;
}

/** The commit measured, and whether the working tree held changes beyond the bench's own. */
function codeVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const changed = git('status', '--porcelain')
      .split('\n')
      .filter(
        (l) => l && !/ (bench\/|BENCHMARKS\.md|package(-lock)?\.json|tsconfig\.json)/.test(l),
      );
    return changed.length
      ? `commit ${head} plus uncommitted changes to ${changed.length} other files`
      : `commit ${head}, clean working tree`;
  } catch {
    return 'unknown (no git)';
  }
}

export async function describeMachine(world: World): Promise<Machine> {
  const cpus = os.cpus();
  const [{ version }] = await world.sql<{ version: string }>(
    'SELECT current_setting($1) AS version',
    ['server_version'],
  );
  const info = await world.redis.info('server');
  const redis = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  return {
    cpu: `${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length} (os.cpus())`,
    memory:
      `${fmt(os.totalmem() / 2 ** 30, 1)} GiB total, ` +
      `${fmt(os.freemem() / 2 ** 30, 1)} GiB free at start`,
    load: LOAD_AT_START.map((l) => l.toFixed(2)).join(', '),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: version,
    redis,
    date: new Date().toISOString(),
    code: codeVersion(),
  };
}

const DIGITS: Record<string, number> = { s: 2, MB: 0, 'tasks/s': 1 };
const show = (n: number | null, unit: string) =>
  n === null || Number.isNaN(n) ? '—' : `${fmt(n, DIGITS[unit] ?? 0)} ${unit}`;
const showRatio = (r: number | null) => (r === null ? '—' : `${r.toFixed(r < 0.1 ? 3 : 2)}×`);
const showMet = (m: boolean | null) => (m === null ? '—' : m ? 'yes' : 'NO');

/** The results as a table on the terminal, each ratio beside its goal. */
export function printTable(results: Result[]): void {
  const rows = [
    ['measurement', 'value', 'floor', 'ratio', 'goal', 'met'],
    ...results.map((r) => [
      r.name,
      show(r.value, r.unit),
      show(r.baseline, r.unit),
      showRatio(r.ratio),
      r.goal,
      showMet(r.met),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  console.log('');
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  console.log('');
}

const VARIABLES: [string, string, string][] = [
  ['BENCH_TASKS', '1000000', 'generated tasks (realistic mix of states and deadlines)'],
  ['BENCH_OPEN', 'BENCH_TASKS', 'open tasks (none due) topped up to before the first sweep'],
  ['BENCH_CLUES', '100000', 'generated clues, each with a report and its answered hand-off'],
  ['BENCH_DUE', '100000', 'overdue tasks planted for the escalation sweep'],
  ['BENCH_DEADLINES', '10000', 'deadlines falling due in the same second (lateness)'],
  ['BENCH_ESCALATE_SECONDS', '60', 'time box of the engine sweep'],
  ['BENCH_INBOX_SECONDS', '10', 'autocannon duration, per side'],
  ['BENCH_ISSUE_SECONDS', '8', 'issue-order duration, per side'],
  ['BENCH_ROUTE_CLUES', '500', 'clues posted for the routing measurement'],
  ['BENCH_LATENESS_LEAD_SECONDS', '15', 'how far ahead the deadlines are planted'],
  ['BENCH_LATENESS_WAIT_SECONDS', '60', 'cap on the wait after the due second'],
  ['BENCH_SCALE_TWICE', '1', 'add BENCH_OPEN more open tasks and escalate again; 0: skip'],
  ['BENCH_KEEP_DB', '0', '1: keep the lianxi_bench database afterwards'],
  ['BENCH_DB, BENCH_PG_URL, BENCH_REDIS_URL', '', 'where to run'],
];

interface Census {
  tasks: number;
  open: number;
  orders: number;
  clues: number;
}

const describe = (c: Census) =>
  `${fmt(c.tasks)} tasks (${fmt(c.open)} open) in ${fmt(c.orders)} work orders, ` +
  `${fmt(c.clues)} clues`;

export interface Report {
  machine: Machine;
  opts: BenchOptions;
  command: string;
  seconds: number;
  /** What the generator made; what the database held at the end (planted, issued rows too). */
  generated: Census;
  data: Census;
  results: Result[];
  failures: string[];
}

export const isFullScale = (o: BenchOptions) =>
  o.tasks >= 1_000_000 &&
  o.open >= 1_000_000 &&
  o.scaleTwice &&
  o.clues >= 100_000 &&
  o.due >= 100_000 &&
  o.deadlines >= 10_000;

function markdown(r: Report): string {
  const o = r.opts;
  const scale = isFullScale(o)
    ? 'Full-scale run at the issue’s sizes.'
    : `**Small-scale development run** (${fmt(o.tasks)} tasks, ${fmt(o.clues)} clues, ` +
      `${fmt(o.due)} due, ${fmt(o.deadlines)} deadlines): not the issue’s sizes. These ` +
      'figures are to be replaced by a full `npm run bench` run.';
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (bench/main.ts). ${scale}`,
    '',
    'Ratios, not absolute times, are the figures to compare: each measurement runs beside its',
    'floor in the same run on the same machine.',
    '',
    '## Results',
    '',
    '| measurement | value | floor | ratio | goal | met |',
    '| --- | --- | --- | --- | --- | --- |',
    ...r.results.map(
      (x) =>
        `| ${x.name} | ${show(x.value, x.unit)} | ${show(x.baseline, x.unit)} | ` +
        `${showRatio(x.ratio)} | ${x.goal} | ${showMet(x.met)} |`,
    ),
    '',
    ...r.results.map((x) => `- **${x.name}**: ${x.note.replace(/\.$/, '')}.`),
    ...(r.failures.length
      ? ['', '### Measurements that failed', '', ...r.failures.map((f) => `- ${f}`)]
      : []),
    '',
    '## Run',
    '',
    `- Command: \`${r.command}\``,
    `- Date: ${r.machine.date}`,
    `- Code: ${r.machine.code}`,
    `- Wall time: ${fmt(r.seconds, 0)} s`,
    `- Data as generated: ${describe(r.generated)}, 16 units of the demo conference`,
    `- Data at the end of the run: ${describe(r.data)}`,
    '',
    '## Machine',
    '',
    `- CPU: ${r.machine.cpu}`,
    `- Memory: ${r.machine.memory}`,
    `- Load average (1, 5, 15 min) when the bench started: ${r.machine.load}`,
    `- OS: ${r.machine.os}`,
    `- Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}, Redis ${r.machine.redis}`,
    '',
    '## How to run',
    '',
    'PostgreSQL and Redis as for `npm test`. `npm run bench` creates its own database',
    '(`lianxi_bench`, dropped and created again), migrates and seeds it, uses its own Redis',
    'queue prefix (`bench-<random>`, removed afterwards) and drops the database at the end.',
    'The API, the worker and the floors run as separate processes; the engine sweep and',
    'the issue-order verb run in the bench process itself.',
    '',
    '| variable | default | what |',
    '| --- | --- | --- |',
    ...VARIABLES.map(([k, d, w]) => `| \`${k}\` | ${d} | ${w} |`),
    '',
    'For a quick check during development:',
    '',
    '```sh',
    'BENCH_TASKS=20000 BENCH_CLUES=2000 BENCH_DUE=2000 npm run bench',
    '```',
    '',
  ];
  return lines.join('\n');
}

/** Writes BENCHMARKS.md, formatted as the repository's prettier formats markdown. */
export async function writeReport(report: Report, path = REPORT_PATH): Promise<void> {
  const config = (await prettier.resolveConfig(path)) ?? {};
  const text = await prettier.format(markdown(report), { ...config, parser: 'markdown' });
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
