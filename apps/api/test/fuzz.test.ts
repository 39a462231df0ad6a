import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

/**
 * Generated hostile input against every operation of the OpenAPI document: wrong types,
 * huge and deeply nested values, unicode that breaks naive code, broken JSON. Nothing may
 * answer 5xx, and a rejected request may not change a single row of any table.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** Written on purpose when a login fails (the lockout counts them): not a leak of a rejection. */
const LOGGED_ON_REJECTION = new Set(['login_log']);
/** Calls that end the caller's own session would only log the fuzzer out. */
const SKIPPED = new Set(['POST /api/auth/logout', 'POST /api/auth/refresh']);

interface Operation {
  method: string;
  path: string;
  params: string[];
  query: string[];
  fields: string[];
}

let env: TestEnv;
let callers: Caller[];
let operations: Operation[];
let tables: string[];

beforeAll(async () => {
  env = await createTestEnv({ loginRateLimit: 1_000_000 });
  callers = await Promise.all(
    ['office', 'unit-ga', 'supervisor', 'leader', 'admin'].map((u) => env.as(u)),
  );
  const doc = (await env.app.inject('/docs/json')).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string }[];
          requestBody?: { content?: Record<string, { schema?: { properties?: object } }> };
        }
      >
    >;
  };
  operations = Object.entries(doc.paths)
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        fields: Object.keys(
          op.requestBody?.content?.['application/json']?.schema?.properties ?? {},
        ),
      })),
    )
    .filter((o) => !SKIPPED.has(`${o.method} ${o.path}`));
  tables = (
    await env.sql<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    )
  )
    .map((t) => t.name)
    .filter((t) => !LOGGED_ON_REJECTION.has(t) && !t.startsWith('__drizzle'));
}, 60_000);
afterAll(() => env.close());

async function rowCounts(): Promise<string> {
  const rows = await env.sql<{ counts: string }>(
    `SELECT concat_ws(',', ${tables.map((t) => `(SELECT count(*) FROM "${t}")`).join(', ')}) AS counts`,
  );
  return rows[0].counts;
}

/** A lone surrogate cannot travel in a URL at all: the client would replace it, so do the same. */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');

const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    '\uDFFF\uD800',
    '\u202Eevil',
    '\uFEFF',
    '𠜎𠜱𠝹'.repeat(2000),
    'x'.repeat(300_000),
    '../../../../etc/passwd',
    "'; DROP TABLE tasks; --",
    '<script>alert(1)</script>',
    '%00%ff',
    '9999-99-99T99:99:99Z',
    '-1',
    '1e309',
    'NaN',
    '00000000-0000-4000-8000-000000000000',
    '__proto__',
    'constructor',
  ),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER + 2),
);
const deep = (depth: number) => JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`) as unknown;
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(deep(64), deep(2000), { __proto__: { admin: true } }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 300 }) },
);

/** A body shaped like the operation's own (its field names) with hostile values, or not at all. */
const bodyFor = (op: Operation) =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: op.fields.length
        ? fc.dictionary(fc.constantFrom(...op.fields), hostileValue, { maxKeys: op.fields.length })
        : fc.dictionary(hostileString, hostileValue, { maxKeys: 5 }),
    },
    { weight: 2, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.constantFrom('{"a":', '{"a":1}}', '\u0000', '['.repeat(10_000)) },
  );

const requestArb = fc.constantFrom(...Array.from({ length: 1000 }, (_, i) => i)).chain((i) => {
  const op = operations[i % operations.length];
  return fc.record({
    op: fc.constant(op),
    caller: fc.nat({ max: callers.length - 1 }),
    params: fc.array(fc.oneof(fc.uuid(), hostileString), {
      minLength: op.params.length,
      maxLength: op.params.length,
    }),
    query: fc.dictionary(
      op.query.length ? fc.constantFrom(...op.query) : hostileString,
      hostileString,
      { maxKeys: 4 },
    ),
    body: bodyFor(op),
    raw: fc.boolean(),
  });
});

describe('fuzzing every route', () => {
  it(`${RUNS} generated hostile requests: no 5xx, and rejected ones change no row`, async () => {
    let before = await rowCounts();
    let sent = 0;
    const statuses = new Map<number, number>();
    const outcome = await fc.check(
      fc.asyncProperty(requestArb, async ({ op, caller, params, query, body, raw }) => {
        let path = op.path;
        op.params.forEach((name, i) => {
          path = path.replace(`{${name}}`, encodeURIComponent(wellFormed(params[i] || 'x')));
        });
        const qs = new URLSearchParams(
          Object.entries(query).map(([k, v]) => [k, v] as [string, string]),
        ).toString();
        const url = `${path}${qs ? `?${qs}` : ''}`;
        const withBody = op.method !== 'GET' && op.method !== 'DELETE';
        const res = await callers[caller].request({
          method: op.method as 'POST',
          url,
          ...(withBody
            ? raw && typeof body === 'string'
              ? { payload: body, headers: { 'content-type': 'application/json' } }
              : {
                  payload: JSON.stringify(body) ?? 'null',
                  headers: { 'content-type': 'application/json' },
                }
            : {}),
        });
        sent++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) {
          throw new Error(
            `${op.method} ${url.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`,
          );
        }
        const after = await rowCounts();
        if (res.statusCode >= 400 && after !== before) {
          throw new Error(`${op.method} ${url.slice(0, 200)} → ${res.statusCode} changed rows`);
        }
        before = after;
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261123), endOnFailure: true },
    );
    // the failing request itself, not fast-check's dump of a 300 kB counterexample
    if (outcome.failed)
      throw new Error(String((outcome.errorInstance as Error)?.message ?? outcome.errorInstance));
    expect(sent).toBe(RUNS);
    // most of it must reach validation and beyond, not bounce off the login
    expect(statuses.get(401) ?? 0).toBeLessThan(RUNS / 10);
  }, 900_000);
});
