import { processDueClocks } from '@lianxi/core';
import { zeroFigures } from '@lianxi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInstants, taskInstants } from '../../../test/support/deadlines.js';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';
import { silent } from '../../../test/support/wait.js';

// A Wednesday morning in Beijing: the orders' sign-for and due days are plain workdays.
const NOW = '2026-03-04T09:00:00+08:00';
const MARCH = 'from=2026-03-01&to=2026-03-31';

let env: TestEnv;
let office: Caller;
let ga: Caller;
let jy: Caller;
let gaId: string;
let jyId: string;

const ZERO = zeroFigures();

async function issue(title: string, unitId: string, dueInWorkdays: number): Promise<string> {
  const order = await office.post('/api/work-orders', {
    title,
    body: '请按期办理。',
    dueInWorkdays,
    assignments: [{ unitId, role: 'lead' }],
  });
  expect(order.statusCode, order.body).toBe(201);
  return order.json().tasks[0].id;
}

async function approvedReport(
  caller: Caller,
  month: string,
  figures: Record<string, number>,
  unitId?: string,
) {
  const filed = await caller.post('/api/stat-reports', {
    month,
    unitId,
    figures: { ...ZERO, ...figures },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  await caller.post(`/api/stat-reports/${filed.json().id}/submit`);
  const approved = await office.post(`/api/stat-reports/${filed.json().id}/approve`);
  expect(approved.json().status).toBe('approved');
}

const clue = (name: string, channel: string) => ({
  channel,
  subject: { name },
  category: 'gathering',
  description: '发展下线 20 余人',
});

let lateTask: string;
let urgedTask: string;
let lateHandoff: string;

beforeAll(async () => {
  env = await createTestEnv({ sessionMaxHours: 24 * 365 }, { now: NOW });
  office = await env.as('office');
  ga = await env.as('unit-ga');
  jy = await env.as('unit-jy');
  gaId = await env.unitId('ga');
  jyId = await env.unitId('jy');
  const scjgId = await env.unitId('scjg');

  // 公安: both signed for at once; one is left to run past its due day
  lateTask = await issue('清查出租屋传销窝点', gaId, 1);
  urgedTask = await issue('公安按期事项', gaId, 30);
  for (const id of [lateTask, urgedTask]) await ga.post(`/api/tasks/${id}/accept`, {});
  // 教育局: one never signed for; one signed, reported and approved well before it is due
  await issue('校园排查', jyId, 20);
  const done = await issue('校园宣传', jyId, 20);
  await jy.post(`/api/tasks/${done}/accept`, {});
  await jy.post(`/api/tasks/${done}/report`, { summary: '已开展宣传 3 场' });
  expect((await office.post(`/api/tasks/${done}/review`, { approve: true })).statusCode).toBe(200);
  // withdrawn: not the unit's to answer for
  const dropped = await issue('已撤回事项', gaId, 5);
  await office.post(`/api/tasks/${dropped}/withdraw`, { reason: '事项取消' });
  // a supervisor urges the task that is still in time
  const supervisor = await env.as('supervisor');
  const urged = await supervisor.post(`/api/tasks/${urgedTask}/urge`, { note: '请加快进度' });
  expect(urged.statusCode, urged.body).toBe(200);

  await approvedReport(ga, '2026-01', { densRaided: 4, criminalCasesOpened: 2, policeAlerts: 9 });
  await approvedReport(ga, '2026-02', { densRaided: 1, criminalCasesOpened: 1, policeAlerts: 3 });
  await approvedReport(office, '2026-02', { adminCases: 5, finesYuan: 12_000 }, scjgId);

  await office.post('/api/clues', clue('红星互助会', 'hotline'));
  await office.post('/api/clues', clue('聚财联盟', 'hotline'));
  const online = (await ga.post('/api/clues', clue('云购商城', 'online'))).json();
  const sent = await ga.post(`/api/clues/${online.id}/handoffs`, {
    toUnitId: jyId,
    kind: 'transfer',
    reason: '涉及在校学生',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  lateHandoff = sent.json().id;

  // to the instant the late task is 督办 (level 2)
  env.clock.passTo((await taskInstants(env, lateTask)).level2At);
  await processDueClocks({ db: env.database.db, clock: env.clock, log: silent });
});
afterAll(() => env.close());

describe('rates per unit', () => {
  it('counts sign-for, completion and overdue rates of the tasks issued in the period', async () => {
    const res = await office.get(`/api/stats/rates?${MARCH}`);
    expect(res.statusCode, res.body).toBe(200);
    const { units, total } = res.json();
    const gaRow = units.find((u: { unitId: string }) => u.unitId === gaId);
    const jyRow = units.find((u: { unitId: string }) => u.unitId === jyId);
    expect(units).toHaveLength(2);
    // 公安: both signed at once; the late one is past due and not done
    expect(gaRow.counts).toEqual({
      signDue: 2,
      signedOnTime: 2,
      doneDue: 1,
      doneOnTime: 0,
      all: 2,
      overdue: 1,
    });
    expect(gaRow.signOnTime).toEqual({ numerator: 2, denominator: 2, rate: 1 });
    expect(gaRow.doneOnTime).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    expect(gaRow.overdue).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    // 教育局: one past its sign-for limit unsigned, one done in time
    expect(jyRow.counts).toEqual({
      signDue: 2,
      signedOnTime: 1,
      doneDue: 1,
      doneOnTime: 1,
      all: 2,
      overdue: 0,
    });
    expect(jyRow.signOnTime.rate).toBe(0.5);
    expect(jyRow.doneOnTime.rate).toBe(1);
    // the conference's rates are its counts summed, not the units' rates averaged
    expect(total.signOnTime).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(total.doneOnTime).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(total.overdue).toEqual({ numerator: 1, denominator: 4, rate: 0.25 });
  });

  it('counts nothing issued outside the period', async () => {
    const later = (await office.get('/api/stats/rates?from=2026-03-05&to=2026-03-31')).json();
    expect(later.units).toEqual([]);
    expect(later.total.signOnTime).toEqual({ numerator: 0, denominator: 0, rate: null });
  });

  it("shows a unit its own unit's rates only, and the trends not at all", async () => {
    const own = (await ga.get(`/api/stats/rates?${MARCH}`)).json();
    expect(own.units.map((u: { unitId: string }) => u.unitId)).toEqual([gaId]);
    expect(own.total.overdue.rate).toBe(0.5);
    expect((await ga.get('/api/stats/trends?from=2026-01&to=2026-03')).statusCode).toBe(403);
    const leader = await env.as('leader');
    expect((await leader.get(`/api/stats/rates?${MARCH}`)).json().total.signOnTime.rate).toBe(0.75);
  });
});

describe('monthly trends', () => {
  it('gives figures, escalations, clues and hand-offs month by month', async () => {
    const res = await (await env.as('leader')).get('/api/stats/trends?from=2026-01&to=2026-03');
    expect(res.statusCode, res.body).toBe(200);
    const months = res.json().months;
    expect(months.map((m: { month: string }) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    const [jan, feb, mar] = months;
    expect(jan.figures).toMatchObject({ densRaided: 4, criminalCasesOpened: 2, policeAlerts: 9 });
    expect(feb.figures).toMatchObject({
      densRaided: 1,
      criminalCasesOpened: 1,
      policeAlerts: 3,
      adminCases: 5,
      finesYuan: 12_000,
    });
    expect(mar.figures.densRaided).toBe(0);
    // 催办: the unsigned task, the late task at its due time, the supervisor's own;
    // 督办: the late task two workdays on
    expect(mar.escalations).toEqual({ urged: 3, supervised: 1, flagged: 0 });
    expect(feb.escalations).toEqual({ urged: 0, supervised: 0, flagged: 0 });
    expect(mar.clues).toMatchObject({ total: 3, open: 3, closed: 0 });
    expect(mar.clues.byChannel).toMatchObject({ hotline: 2, online: 1, petition: 0 });
    expect(mar.handoffs).toEqual({ sent: 1, onTime: 0, overdue: 0, pending: 1 });
    expect(jan.clues.total).toBe(0);
  });

  it('counts a hand-off unanswered past its limit as overdue, and the red flag as it comes', async () => {
    const { resultDueAt } = await handoffInstants(env, lateHandoff);
    expect(resultDueAt!.getTime()).toBeLessThan(new Date('2026-04-01T00:00:00+08:00').getTime());
    env.clock.passTo(resultDueAt!);
    await processDueClocks({ db: env.database.db, clock: env.clock, log: silent });
    const mar = (await office.get('/api/stats/trends?from=2026-03&to=2026-03')).json().months[0];
    expect(mar.handoffs).toEqual({ sent: 1, onTime: 0, overdue: 1, pending: 0 });
    // the late task is 挂牌督办 five workdays after it fell due, still in March
    expect(mar.escalations).toEqual({ urged: 3, supervised: 1, flagged: 1 });
  });

  it('answers bad periods with 400, never 500', async () => {
    for (const url of [
      '/api/stats/trends?from=2026-13&to=2026-03',
      '/api/stats/trends?from=2026-3&to=2026-04',
      '/api/stats/trends?from=2026-04&to=2026-03',
      '/api/stats/trends?from=2020-01&to=2026-03',
      '/api/stats/trends?to=2026-03',
      '/api/stats/trends?from=1999-01&to=1999-02',
      '/api/stats/rates?from=2026-02-30&to=2026-03-31',
      '/api/stats/rates?from=2026-04-01&to=2026-03-01',
      '/api/stats/rates?from=march&to=2026-03-31',
      '/api/stats/rates',
    ]) {
      const res = await office.get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
