import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

/**
 * PERMISSIONS.md is the permission matrix: every route and which roles may call it. This
 * file checks it both ways — every registered route has its row and every row its route,
 * each row as the route declares it — and then calls every route as every role: a role
 * the matrix refuses gets 403, a role it allows never does. `npm run permissions` rewrites
 * the file from the routes, for review like any other change.
 */
const MATRIX = fileURLToPath(new URL('../../../PERMISSIONS.md', import.meta.url));
const ROLES = ['office', 'admin', 'unit', 'supervisor', 'leader'] as const;
const USERS: Record<(typeof ROLES)[number], string> = {
  office: 'office',
  admin: 'admin',
  unit: 'unit-ga',
  supervisor: 'supervisor',
  leader: 'leader',
};
const PUBLIC = '公开';
const YES = '✓';
const NO = '–';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

/** The web app's own files are served to anyone and are not part of the API's matrix. */
const isApiSurface = (url: string) => /^\/(api|health|metrics|docs)(\/|$)/.test(url);

function liveRows(): string[] {
  return env.app.routeTable
    .filter((r) => isApiSurface(r.url))
    .map((r) => {
      const cells =
        r.access === undefined || r.access === 'public'
          ? ROLES.map(() => PUBLIC)
          : ROLES.map((role) =>
              r.access === 'authenticated' || r.access!.includes(role) ? YES : NO,
            );
      return `| \`${r.method} ${r.url}\` | ${cells.join(' | ')} |`;
    })
    .sort();
}

/** A row as its cells, whatever padding a formatter gave the table. */
const normalise = (row: string) =>
  row
    .split('|')
    .map((c) => c.trim())
    .join('|');

const HEADER = [
  '# 权限矩阵 Permission matrix',
  '',
  'Every route of the API and which roles may call it (✓ allowed, – refused with 403, 公开 no login',
  'needed). A unit user is further limited to its own unit’s rows: another unit’s task, clue,',
  'hand-off, attachment, letter or report answers 404. `apps/api/test/permissions.test.ts` fails',
  'when a route has no row here or a row differs from the route; `npm run permissions` rewrites',
  'this file from the routes.',
  '',
  `| 接口 | ${ROLES.join(' | ')} |`,
  `| --- | ${ROLES.map(() => ':-:').join(' | ')} |`,
];

describe('the permission matrix', () => {
  it('has exactly one row per registered route, as each route declares it', () => {
    const live = liveRows().map(normalise);
    if (process.env.PERMISSIONS_WRITE === '1') {
      writeFileSync(MATRIX, `${[...HEADER, ...liveRows()].join('\n')}\n`);
    }
    const written = readFileSync(MATRIX, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map(normalise)
      .sort();
    const missing = live.filter((r) => !written.includes(r));
    const stale = written.filter((r) => !live.includes(r));
    expect({ missing, stale }, 'PERMISSIONS.md is out of date: run `npm run permissions`').toEqual({
      missing: [],
      stale: [],
    });
    expect(live.length).toBeGreaterThan(60);
  });

  it('holds when every route is called as every role', async () => {
    const callers = Object.fromEntries(
      await Promise.all(ROLES.map(async (r) => [r, await env.as(USERS[r])] as const)),
    ) as Record<(typeof ROLES)[number], Caller>;
    const id = '00000000-0000-4000-8000-000000000000';
    const routes = env.app.routeTable
      .filter((r) => isApiSurface(r.url) && r.access !== undefined && r.access !== 'public')
      // ending a session last, so it cannot log the other calls out
      .sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    const wrong: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:[A-Za-z]+/g, id);
      for (const role of ROLES) {
        const allowed = route.access === 'authenticated' || route.access!.includes(role);
        const res = await callers[role].request({
          method: route.method as 'GET',
          url,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const refused = res.statusCode === 403 || res.statusCode === 401;
        if (allowed === refused) {
          wrong.push(
            `${route.method} ${route.url} as ${role}: ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
