import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
let callers: Caller[];
beforeAll(async () => {
  env = await createTestEnv();
  callers = [
    await env.as('office'),
    await env.as('unit-ga'),
    await env.as('supervisor'),
    await env.as('admin'),
  ];
});
afterAll(() => env.close());

/** Inputs no well-behaved client sends. */
const BODIES: unknown[] = [
  undefined,
  {},
  [],
  'plain text',
  { title: '\u0000', body: 'x'.repeat(200_000), version: -1, approve: 'yes', assignments: [{}] },
  { reason: '𠜎𠜱'.repeat(10), note: '\uD800', summary: null, decision: 'overrule', unitId: 'x' },
  {
    requestedDueAt: '9999-99-99',
    policy: { ladder: 'x' },
    days: [{ date: '2027-02-30', workday: 1 }],
  },
  { a: { b: { c: { d: { e: { f: { g: { h: {} } } } } } } } },
];
const IDS = ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '%00', '2027'];

describe('no request a client can send produces a 500', () => {
  it('walks every route of the OpenAPI document with bad ids and bodies', async () => {
    const doc = (await env.app.inject('/docs/json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => [m.toUpperCase(), path] as const),
    );
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    let sent = 0;
    for (const [method, path] of routes) {
      if (path === '/api/auth/login') continue; // the lockout would lock the demo users out of this file
      for (const id of IDS) {
        const url =
          path.replace(/\{[^}]+\}/g, encodeURIComponent(id)) +
          (method === 'GET' ? '?limit=abc&cursor=%%%&status=x&overdue=maybe' : '');
        for (const [i, body] of (method === 'GET' ? [undefined] : BODIES).entries()) {
          for (const caller of callers) {
            const res = await caller.request({
              method: method as 'GET',
              url,
              ...(body === undefined
                ? {}
                : typeof body === 'string'
                  ? { payload: body, headers: { 'content-type': 'application/json' } }
                  : { payload: body as object }),
            });
            sent++;
            if (res.statusCode >= 500)
              failures.push(
                `${method} ${url} body#${i}: ${res.statusCode} ${res.body.slice(0, 200)}`,
              );
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
  }, 120_000);
});
