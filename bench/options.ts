/** What one benchmark measurement answers: the figure, its floor and the goal it is held to. */
export interface Result {
  name: string;
  /** The platform's figure, in `unit`. */
  value: number;
  /** The floor measured in the same run, in `unit`; null when there is none. */
  baseline: number | null;
  /** value / baseline; null without a floor. */
  ratio: number | null;
  unit: string;
  /** The goal in words, e.g. "≥ 0.8× and p99 ≤ 20 ms". */
  goal: string;
  /** null when the issue sets no goal for this figure. */
  met: boolean | null;
  note: string;
}

export const ratioOf = (value: number, baseline: number | null): number | null =>
  baseline && baseline > 0 ? value / baseline : null;

/** Sizes and budgets, from the environment; the defaults are the issue's figures. */
export interface BenchOptions {
  tasks: number;
  /** Open tasks the first sweep runs among; the second runs among twice as many. */
  open: number;
  clues: number;
  due: number;
  deadlines: number;
  escalateSeconds: number;
  inboxSeconds: number;
  issueSeconds: number;
  routeClues: number;
  latenessLeadSeconds: number;
  latenessWaitSeconds: number;
  scaleTwice: boolean;
  keepDb: boolean;
  pgUrl: string;
  redisUrl: string;
  dbName: string;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name]?.replaceAll('_', '').trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`${name} must be an integer ≥ ${min}, got ${env[name]}`);
  }
  return n;
}

const flag = (env: NodeJS.ProcessEnv, name: string, fallback = false) =>
  env[name] === undefined || env[name] === ''
    ? fallback
    : env[name] === '1' || env[name] === 'true';

export function readOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const dbName = env.BENCH_DB ?? 'lianxi_bench';
  if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new Error(`BENCH_DB: bad name ${dbName}`);
  const tasks = int(env, 'BENCH_TASKS', 1_000_000, 16);
  const due = int(env, 'BENCH_DUE', 100_000, 1);
  const open = int(env, 'BENCH_OPEN', tasks, 1);
  if (open < due) throw new Error(`BENCH_OPEN (${open}) must be at least BENCH_DUE (${due})`);
  return {
    tasks,
    open,
    clues: int(env, 'BENCH_CLUES', 100_000),
    due,
    deadlines: int(env, 'BENCH_DEADLINES', 10_000, 1),
    escalateSeconds: int(env, 'BENCH_ESCALATE_SECONDS', 60, 1),
    inboxSeconds: int(env, 'BENCH_INBOX_SECONDS', 10, 1),
    issueSeconds: int(env, 'BENCH_ISSUE_SECONDS', 8, 1),
    routeClues: int(env, 'BENCH_ROUTE_CLUES', 500, 1),
    latenessLeadSeconds: int(env, 'BENCH_LATENESS_LEAD_SECONDS', 15, 2),
    latenessWaitSeconds: int(env, 'BENCH_LATENESS_WAIT_SECONDS', 60, 1),
    scaleTwice: flag(env, 'BENCH_SCALE_TWICE', true),
    keepDb: flag(env, 'BENCH_KEEP_DB'),
    pgUrl: (env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/$/, ''),
    redisUrl: env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    dbName,
  };
}

/** The environment variables that changed a run, for the report's command line. */
export function sizeVariables(env: NodeJS.ProcessEnv = process.env): string {
  return Object.keys(env)
    .filter((k) => k.startsWith('BENCH_') && !k.endsWith('_URL'))
    .sort()
    .map((k) => `${k}=${env[k]}`)
    .join(' ');
}

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** Prints one line of progress with the seconds since `start`. */
export function progress(start: number, text: string): void {
  const s = ((performance.now() - start) / 1000).toFixed(1);
  console.log(`  [${s.padStart(6)} s] ${text}`);
}
