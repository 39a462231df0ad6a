import { DEFAULT_POLICY, zonedInstant } from '@lianxi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
  // Tuesday 29 December 2026, 09:00 in Beijing: five workdays from here reach into 2027
  env.clock.advance(zonedInstant('2026-12-29', '09:00:00', 'Asia/Shanghai').getTime() - Date.now());
});
afterAll(() => env.close());

describe('a deadline in a year without a calendar', () => {
  it('is provisional until the year is imported, then exact', async () => {
    const office = await env.as('office');
    const order = await office.post('/api/work-orders', {
      title: '元旦期间防范传销人员聚集',
      body: '请做好节日期间排查。',
      assignments: [{ unitId: await env.unitId('ga'), role: 'lead' }],
    });
    expect(order.statusCode, order.body).toBe(201);
    const task = order.json().tasks[0];
    // counted Monday–Friday: 30, 31 Dec, 1, 4, 5 Jan
    expect(task).toMatchObject({
      provisional: true,
      dueAt: '2027-01-05T15:59:59.999Z',
      deadlineVersion: 1,
    });
    const inbox = (await office.get('/api/notifications')).json().items;
    expect(inbox.find((n: { kind: string }) => n.kind === 'calendar.missing')).toMatchObject({
      title: '请导入 2027 年工作日历',
    });

    const admin = await env.as('admin');
    const year2027 = {
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      days: [
        { date: '2027-01-01', workday: false, name: '元旦' },
        { date: '2027-01-04', workday: false, name: '元旦' },
      ],
    };
    expect(
      (await office.request({ method: 'PUT', url: '/api/calendar/2027', payload: year2027 }))
        .statusCode,
    ).toBe(403);
    const imported = await admin.request({
      method: 'PUT',
      url: '/api/calendar/2027',
      payload: year2027,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ year: 2027, recounted: 1 });

    const exact = (await office.get(`/api/tasks/${task.id}`)).json();
    // with 1 and 4 January off: 30, 31 Dec, 5, 6, 7 Jan
    expect(exact).toMatchObject({
      provisional: false,
      dueAt: '2027-01-07T15:59:59.999Z',
      deadlineVersion: 2,
    });
    const view = (await office.get('/api/calendar/2027')).json();
    expect(view.days.map((d: { date: string }) => d.date)).toEqual(['2027-01-01', '2027-01-04']);
  });

  it('refuses an import whose dates are not of that year, and changes nothing', async () => {
    const admin = await env.as('admin');
    const res = await admin.request({
      method: 'PUT',
      url: '/api/calendar/2028',
      payload: { days: [{ date: '2027-05-01', workday: false, name: '劳动节' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.days.0.date');
    expect((await admin.get('/api/calendar/2028')).json()).toEqual({
      year: 2028,
      source: null,
      days: [],
    });
    expect((await admin.get('/api/calendar/1999')).statusCode).toBe(400);
  });

  it('serves the seeded official year', async () => {
    const days = (await (await env.as('leader')).get('/api/calendar/2026')).json();
    expect(days.source).toBe('chinese-days');
    expect(days.days.find((d: { date: string }) => d.date === '2026-02-14')).toMatchObject({
      workday: true,
    });
  });
});

describe('the policy', () => {
  it('starts as the defaults and is changed by the office with its version', async () => {
    const office = await env.as('office');
    const current = (await office.get('/api/policy')).json();
    expect(current).toEqual({ policy: DEFAULT_POLICY, version: 1 });
    const next = { ...DEFAULT_POLICY, defaultDue: { amount: 7, unit: 'workday' } };
    const put = (payload: object, who = office) =>
      who.request({ method: 'PUT', url: '/api/policy', payload });
    expect((await put({ policy: next, version: 1 })).json().version).toBe(2);
    expect((await put({ policy: next, version: 1 })).statusCode).toBe(409);
    const badLadder = { ...next, ladder: [...next.ladder].reverse() };
    const bad = await put({ policy: badLadder, version: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.policy.ladder');
    const badUnit = await put({
      policy: { ...next, dueSoon: { amount: 1, unit: 'fortnight' } },
      version: 2,
    });
    expect(badUnit.statusCode).toBe(400);
    expect((await put({ policy: next, version: 2 }, await env.as('unit-ga'))).statusCode).toBe(403);
    expect((await office.get('/api/policy')).json().policy.defaultDue).toEqual({
      amount: 7,
      unit: 'workday',
    });
  });
});
