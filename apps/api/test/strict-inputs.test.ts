import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

/**
 * The inputs are strict: a query parameter or body field a route does not define is a 400
 * naming it, and nothing changes; it is never dropped without a word.
 */
let env: TestEnv;
let office: Caller;
beforeAll(async () => {
  env = await createTestEnv();
  office = await env.as('office');
});
afterAll(() => env.close());

const orders = async () =>
  (await env.sql<{ n: number }>(`SELECT count(*)::int AS n FROM work_orders`))[0].n;

async function order(extra: Record<string, unknown> = {}, assignmentExtra = {}) {
  const units = await env.sql<{ id: string }>(`SELECT id FROM units ORDER BY code LIMIT 1`);
  return {
    title: '严格输入',
    body: '未定义的字段一律拒绝',
    assignments: [{ unitId: units[0].id, role: 'lead', ...assignmentExtra }],
    ...extra,
  };
}

describe('fields a route does not define', () => {
  it('an unknown query parameter is a 400 naming it', async () => {
    const res = await office.get('/api/work-orders?limit=50&x-unknown=42');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json() as { errors: { field: string; message: string }[]; detail: string };
    expect(body.errors).toEqual([
      { field: 'querystring.x-unknown', message: '未定义的字段，请删除' },
    ]);
    expect(body.detail).toContain('querystring.x-unknown');
    // the same list without it answers as before
    expect((await office.get('/api/work-orders?limit=50')).statusCode).toBe(200);
  });

  it('an unknown body field, at the top or inside a list, is a 400 naming it and stores nothing', async () => {
    const before = await orders();
    const top = await office.post('/api/work-orders', await order({ urgentNote: '多余' }));
    expect(top.statusCode, top.body).toBe(400);
    expect((top.json() as { errors: { field: string }[] }).errors).toEqual([
      { field: 'body.urgentNote', message: '未定义的字段，请删除' },
    ]);
    const inner = await office.post('/api/work-orders', await order({}, { note: 1 }));
    expect(inner.statusCode, inner.body).toBe(400);
    expect((inner.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'body.assignments.0.note',
    ]);
    expect(await orders()).toBe(before);
    // the same order without them is issued
    const issued = await office.post('/api/work-orders', await order());
    expect(issued.statusCode, issued.body).toBe(201);
    expect(await orders()).toBe(before + 1);
  });

  it('a route that defines no query takes no parameter, a write with no body no field', async () => {
    const units = await office.get('/api/units?x-unknown=1');
    expect(units.statusCode, units.body).toBe(400);
    expect((units.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'querystring.x-unknown',
    ]);
    expect((await office.get('/api/units')).statusCode).toBe(200);

    const unread = await office.get('/api/notifications/unread-count');
    expect(unread.statusCode, unread.body).toBe(200);
    const marked = await office.post('/api/notifications/read-all', {});
    expect(marked.statusCode, marked.body).toBeLessThan(300);

    // the admin's disable takes no body: a field sent with it is refused and the user stays as they were
    const admin = await env.as('admin');
    const [user] = await env.sql<{ id: string }>(`SELECT id FROM users WHERE username = 'leader'`);
    const refused = await admin.post(`/api/users/${user.id}/disable`, { reason: '离职' });
    expect(refused.statusCode, refused.body).toBe(400);
    expect((refused.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'body.reason',
    ]);
    const [still] = await env.sql<{ disabled: boolean }>(
      `SELECT disabled_at IS NOT NULL AS disabled FROM users WHERE id = $1`,
      [user.id],
    );
    expect(still.disabled).toBe(false);
    // an empty body, as the workbench sends it, is the same as none
    const disabled = await admin.post(`/api/users/${user.id}/disable`, {});
    expect(disabled.statusCode, disabled.body).toBe(200);
    const enabled = await admin.request({
      method: 'POST',
      url: `/api/users/${user.id}/enable`,
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
  });
});
