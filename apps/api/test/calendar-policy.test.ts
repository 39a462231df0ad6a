import { handoffClockJobId, reconcileClocks } from '@lianxi/core';
import { DEFAULT_POLICY, zonedInstant } from '@lianxi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/support/harness.js';
import { silent } from '../../../test/support/wait.js';

let env: TestEnv;
beforeAll(async () => {
  // Tuesday 29 December 2026, 09:00 in Beijing: five workdays from here reach into 2027
  env = await createTestEnv({}, { now: zonedInstant('2026-12-29', '09:00:00', 'Asia/Shanghai') });
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

    // a clue handed to 市场监管 the same morning: 15 workdays to answer, into 2027 as well
    const clue = await office.post('/api/clues', {
      channel: 'hotline',
      subject: { name: '元旦传销聚会' },
      category: 'gathering',
      description: '有人组织外地人员元旦期间聚集听课',
      participants: 30,
      levels: 3,
      reporter: { name: '钱先生', phone: '13600002222' },
    });
    expect(clue.statusCode, clue.body).toBe(201);
    const sent = await office.post(`/api/clues/${clue.json().id}/handoffs`, {
      toUnitId: await env.unitId('scjg'),
      kind: 'transfer',
      reason: '属市场监管职责，请依法查处',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const handoff = sent.json();
    // counted Monday–Friday: 30, 31 Dec, then 13 workdays of January to the 19th
    expect(handoff.resultDueAt).toBe('2027-01-19T15:59:59.999Z');
    const clockOf = async () =>
      (
        await env.sql<{ provisional: boolean; clock_version: number; next_check_at: Date }>(
          'SELECT provisional, clock_version, next_check_at FROM handoffs WHERE id = $1',
          [handoff.id],
        )
      )[0];
    expect(await clockOf()).toMatchObject({ provisional: true, clock_version: 1 });

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
    // the task and the hand-off
    expect(imported.json()).toMatchObject({ year: 2027, recounted: 2 });

    const exact = (await office.get(`/api/tasks/${task.id}`)).json();
    // with 1 and 4 January off: 30, 31 Dec, 5, 6, 7 Jan
    expect(exact).toMatchObject({
      provisional: false,
      dueAt: '2027-01-07T15:59:59.999Z',
      deadlineVersion: 2,
    });
    // with 1 and 4 January off the hand-off is due two workdays later; the ladder's timers
    // start again under a new clock version, and the sign-for clock is not touched
    const recounted = (await office.get(`/api/handoffs/${handoff.id}`)).json();
    expect(recounted).toMatchObject({
      resultDueAt: '2027-01-21T15:59:59.999Z',
      signDueAt: handoff.signDueAt,
    });
    expect(await clockOf()).toMatchObject({ provisional: false, clock_version: 2 });
    // its next timer, armed by the reconciler as it nears, is the new version's
    const [{ next }] = await env.sql<{ next: Date }>(
      'SELECT next_check_at AS next FROM handoffs WHERE id = $1',
      [handoff.id],
    );
    const resumeAt = env.clock.now();
    env.clock.set(new Date(next.getTime() - 30_000));
    const armed: string[] = [];
    await reconcileClocks({ db: env.database.db, clock: env.clock, log: silent }, 60_000, (t) =>
      Promise.resolve(armed.push(...t.map((x) => x.opts.jobId))),
    );
    env.clock.set(resumeAt);
    expect(armed.filter((id) => id.includes(handoff.id))).toEqual([
      handoffClockJobId(handoff.id, 2, next),
    ]);
    const [audit] = await env.sql<{ payload: { to: string } }>(
      "SELECT payload FROM audit_log WHERE action = 'handoff.recounted'",
    );
    expect(audit.payload.to).toBe('2027-01-21T15:59:59.999Z');
    // importing the same year again moves nothing
    const again = await admin.request({
      method: 'PUT',
      url: '/api/calendar/2027',
      payload: year2027,
    });
    expect(again.json()).toMatchObject({ recounted: 0 });

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
