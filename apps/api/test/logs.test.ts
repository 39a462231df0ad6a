import { DEMO_PASSWORD } from '@lianxi/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

// 23:55 in Beijing on 2 March, then ten minutes later, 00:05 on 3 March: both are 2 March
// in UTC, so the date filters must read days in Beijing time
const DAY1 = '2026-03-02T15:55:00Z';
const DAY2 = '2026-03-02T16:05:00Z';

let env: TestEnv;
let admin: Caller;
let office: Caller;

const login = (username: string, password: string, ip = '127.0.0.1') =>
  env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
    headers: { 'user-agent': 'LogsTest/1.0' },
  });

async function sheetRows(payload: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
  });
  return rows;
}

beforeAll(async () => {
  env = await createTestEnv({}, { now: DAY1 });
  admin = await env.as('admin');
  office = await env.as('office');
  expect(
    (await office.post('/api/units', { code: 'log-1', name: '日志测试单位一' })).statusCode,
  ).toBe(201);
  expect((await login('leader', 'Wrong@pass1x', '10.1.2.3')).statusCode).toBe(401);
  env.clock.set(DAY2);
  expect(
    (await admin.post('/api/units', { code: 'log-2', name: '日志测试单位二' })).statusCode,
  ).toBe(201);
  expect((await login('leader', DEMO_PASSWORD, '192.168.7.9')).statusCode).toBe(200);
});
afterAll(() => env.close());

describe('the operation log', () => {
  it('filters by action, person, object type and Beijing days, with a total', async () => {
    const created = (await office.get('/api/audit?action=unit.created')).json();
    expect(created.total).toBe(2);
    expect(created.items.map((e: { action: string }) => e.action)).toEqual([
      'unit.created',
      'unit.created',
    ]);

    const [adminRow] = await env.sql<{ id: string }>(
      "SELECT id FROM users WHERE username = 'admin'",
    );
    const byAdmin = (await office.get(`/api/audit?actorId=${adminRow.id}&subjectType=unit`)).json();
    expect(byAdmin.total).toBe(1);
    expect(byAdmin.items[0]).toMatchObject({
      actorName: '系统管理员',
      action: 'unit.created',
      subjectType: 'unit',
      payload: expect.objectContaining({ name: '日志测试单位二' }),
    });

    const day1 = (
      await office.get('/api/audit?action=unit.created&from=2026-03-02&to=2026-03-02')
    ).json();
    expect(day1.items.map((e: { payload: { name: string } }) => e.payload.name)).toEqual([
      '日志测试单位一',
    ]);
    const day2 = (await office.get('/api/audit?action=unit.created&from=2026-03-03')).json();
    expect(day2.items.map((e: { payload: { name: string } }) => e.payload.name)).toEqual([
      '日志测试单位二',
    ]);
    expect((await office.get('/api/audit?subjectType=letter')).json()).toMatchObject({
      items: [],
      total: 0,
    });
  });

  it('names the actor with their unit, and pages by number', async () => {
    const unit = await env.as('unit-ga');
    const res = await unit.get('/api/audit');
    expect(res.statusCode).toBe(403);
    const all = (await office.get('/api/audit?limit=2')).json();
    const second = (await office.get('/api/audit?limit=2&offset=2')).json();
    expect(second.total).toBe(all.total);
    expect(second.items[0].id).toBeLessThan(all.items[1].id);
    const actors = (await office.get('/api/audit/actors')).json().items;
    expect(actors).toContainEqual(
      expect.objectContaining({ username: 'unit-ga', unitName: expect.any(String) }),
    );
    expect((await unit.get('/api/audit/actors')).statusCode).toBe(403);
  });

  it('refuses bad filters with 400', async () => {
    for (const q of [
      'from=2026-02-30',
      'from=0607-01-01',
      'from=2026-03-05&to=2026-03-01',
      'actorId=nobody',
      'offset=-1',
      'offset=2&cursor=WzVd',
    ]) {
      const res = await office.get(`/api/audit?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('exports the filtered rows as .xlsx', async () => {
    const res = await office.get('/api/exports/audit.xlsx?action=unit.created&from=2026-03-03');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['时间', '操作人', '操作', '对象类型']));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(expect.arrayContaining(['系统管理员', '新建成员单位', '成员单位']));
    // Beijing wall clock, never UTC
    expect(rows[1][1]).toBe('2026-03-03 00:05:00');
    expect((await office.get('/api/exports/audit.xlsx?to=bad')).statusCode).toBe(400);
    expect((await (await env.as('leader')).get('/api/exports/audit.xlsx')).statusCode).toBe(403);
  });
});

describe('the login log', () => {
  it('filters by name, result, address and days, and shows the failure reason', async () => {
    const failed = (await office.get('/api/login-log?username=leader&result=failure')).json();
    expect(failed.total).toBe(1);
    expect(failed.items[0]).toMatchObject({
      username: 'leader',
      success: false,
      reason: 'wrong_password',
      ip: '10.1.2.3',
      userAgent: 'LogsTest/1.0',
    });
    const net = (await office.get('/api/login-log?ip=192.168.0.0/16')).json();
    expect(net.items.map((e: { ip: string }) => e.ip)).toEqual(['192.168.7.9']);
    // the failure was on 2 March in Beijing, every later attempt of the leader on 3 March
    const day1 = (
      await office.get('/api/login-log?username=leader&from=2026-03-02&to=2026-03-02')
    ).json();
    expect(day1.items.map((e: { success: boolean }) => e.success)).toEqual([false]);
    const day2 = (await office.get('/api/login-log?username=leader&from=2026-03-03')).json();
    expect(day2.items.length).toBeGreaterThan(0);
    expect(day2.items.every((e: { success: boolean }) => e.success)).toBe(true);
    for (const q of ['ip=not-an-ip', 'result=maybe', 'to=2026-13-01']) {
      expect((await office.get(`/api/login-log?${q}`)).statusCode, q).toBe(400);
    }
  });

  it('exports the filtered rows as .xlsx', async () => {
    const res = await admin.get('/api/exports/login-log.xlsx?username=leader&result=failure');
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(
      expect.arrayContaining(['leader', '失败', '密码错误', '10.1.2.3', 'LogsTest/1.0']),
    );
    expect((await (await env.as('unit-ga')).get('/api/exports/login-log.xlsx')).statusCode).toBe(
      403,
    );
  });
});

describe('editing an account', () => {
  const userId = async (username: string) =>
    (await env.sql<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]))[0].id;

  it('changes name, role and unit within the rules, audited, ending logins on a role change', async () => {
    const id = await userId('supervisor');
    const supervisor = await env.as('supervisor');
    const before = (await admin.get('/api/users'))
      .json()
      .items.find((u: { id: string }) => u.id === id);
    const renamed = await admin.patch(`/api/users/${id}`, {
      version: before.version,
      displayName: '督查专员甲',
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ displayName: '督查专员甲', role: 'supervisor' });
    // a name alone keeps the logins
    expect((await supervisor.get('/api/me')).statusCode).toBe(200);

    // stale version
    const stale = await admin.patch(`/api/users/${id}`, {
      version: before.version,
      displayName: '过期的修改',
    });
    expect(stale.statusCode).toBe(409);

    // a unit role needs a unit of this conference; other roles none
    expect((await admin.patch(`/api/users/${id}`, { role: 'unit' })).statusCode).toBe(400);
    const ga = await env.unitId('ga');
    expect((await admin.patch(`/api/users/${id}`, { role: 'office', unitId: ga })).statusCode).toBe(
      400,
    );
    expect(
      (
        await admin.patch(`/api/users/${id}`, {
          role: 'unit',
          unitId: '00000000-0000-4000-8000-000000000000',
        })
      ).statusCode,
    ).toBe(400);
    const moved = await admin.patch(`/api/users/${id}`, { role: 'unit', unitId: ga });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ role: 'unit', unitId: ga });
    expect((await supervisor.get('/api/me')).statusCode).toBe(401);
    // leaving the unit role drops the unit
    const back = await admin.patch(`/api/users/${id}`, { role: 'supervisor' });
    expect(back.json()).toMatchObject({ role: 'supervisor', unitId: null });

    const audit = (
      await office.get(`/api/audit?subjectType=user&subjectId=${id}&action=user.updated`)
    ).json();
    expect(audit.total).toBe(3);
    expect(audit.items.at(-1).payload).toMatchObject({
      username: 'supervisor',
      changes: { displayName: { from: '督查专员', to: '督查专员甲' } },
    });
  });

  it('keeps one administrator, refuses others and bad input', async () => {
    const adminId = await userId('admin');
    const demote = await admin.patch(`/api/users/${adminId}`, { role: 'office' });
    expect(demote.statusCode).toBe(422);
    expect(demote.headers['content-type']).toContain('application/problem+json');
    expect((await office.patch(`/api/users/${adminId}`, { displayName: 'x' })).statusCode).toBe(
      403,
    );
    for (const body of [
      {},
      { displayName: '' },
      { role: 'king' },
      { version: 0 },
      { displayName: 3 },
    ]) {
      expect(
        (await admin.patch(`/api/users/${adminId}`, body)).statusCode,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect(
      (await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { displayName: '无' }))
        .statusCode,
    ).toBe(404);
    expect((await admin.patch('/api/users/nope', { displayName: '无' })).statusCode).toBe(400);
  });
});
