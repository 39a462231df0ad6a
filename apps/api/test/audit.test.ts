import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
let office: Caller;
beforeAll(async () => {
  env = await createTestEnv();
  office = await env.as('office');
});
afterAll(() => env.close());

describe('the audit chain', () => {
  it('holds when many writers append at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        office.post('/api/units', { code: `cc-${i}`, name: `并发单位${i}` }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const verify = await office.get('/api/audit/verify');
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toEqual({ ok: true, checked: 21 });
    const [{ forks }] = await env.sql<{ forks: number }>(
      'SELECT count(*)::int AS forks FROM (SELECT prev_hash FROM audit_log GROUP BY prev_hash HAVING count(*) > 1) f',
    );
    expect(forks).toBe(0);
  });

  it('verify names the first row edited behind its back', async () => {
    const rows = await env.sql<{ id: number }>('SELECT id FROM audit_log ORDER BY id');
    const victim = rows[7].id;
    await env.sql(
      `UPDATE audit_log SET payload = jsonb_set(payload, '{name}', '"篡改"') WHERE id = $1`,
      [victim],
    );
    const res = await office.get('/api/audit/verify');
    expect(res.json()).toEqual({ ok: false, checked: 7, firstBrokenId: victim });
  });

  it('verify also notices a deleted row', async () => {
    const fresh = await createTestEnv();
    try {
      const o = await fresh.as('office');
      for (const i of [1, 2, 3])
        await o.post('/api/units', { code: `del-${i}`, name: `删除测试${i}` });
      const rows = await fresh.sql<{ id: number }>('SELECT id FROM audit_log ORDER BY id');
      await fresh.sql('DELETE FROM audit_log WHERE id = $1', [rows[2].id]);
      expect((await o.get('/api/audit/verify')).json()).toEqual({
        ok: false,
        checked: 2,
        firstBrokenId: rows[3].id,
      });
    } finally {
      await fresh.close();
    }
  });

  it('is readable by office, supervisors and admin only, newest first, page by page', async () => {
    expect((await (await env.as('unit-ga')).get('/api/audit')).statusCode).toBe(403);
    expect((await (await env.as('leader')).get('/api/audit/verify')).statusCode).toBe(403);
    const first = await (await env.as('supervisor')).get('/api/audit?limit=5');
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(5);
    expect(page1.items[0].id).toBeGreaterThan(page1.items[4].id);
    const second = (await office.get(`/api/audit?limit=5&cursor=${page1.nextCursor}`)).json();
    expect(second.items[0].id).toBeLessThan(page1.items[4].id);
    expect((await office.get('/api/audit?cursor=%%%garbage')).statusCode).toBe(400);
    expect((await office.get('/api/audit?limit=201')).statusCode).toBe(400);
  });
});
