import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

/**
 * The resume rule through the API (README "Work orders, tasks and deadlines"): a wait moves
 * day-ending deadlines by the workdays that ended during it, and a calendar import applies
 * the wait again on the new schedule. Monday 28 December 2026, 10:00 Beijing time; the test
 * world holds the official calendar to 2026, so 2027 starts Monday–Friday and provisional.
 */
let env: TestEnv;
let office: Caller;
beforeAll(async () => {
  env = await createTestEnv({ sessionMaxHours: 24 * 30 }, { now: '2026-12-28T10:00:00+08:00' });
  office = await env.as('office');
});
afterAll(() => env.close());

async function issue(title: string) {
  const res = await office.post('/api/work-orders', {
    title,
    body: '请核查并依法处置。',
    assignments: [{ unitId: await env.unitId('ga'), role: 'lead' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().tasks[0] as { id: string; dueAt: string; version: number };
}

describe('the resume rule', () => {
  it('a short wait on the same day leaves every deadline at 23:59:59 where it was', async () => {
    const task = await issue('排查某小区出租屋');
    const ga = await env.as('unit-ga');
    env.clock.set('2026-12-28T11:00:00+08:00');
    expect(
      (await ga.post(`/api/tasks/${task.id}/return`, { reason: '请核实承办单位' })).statusCode,
    ).toBe(200);
    env.clock.set('2026-12-28T11:01:00+08:00');
    const ruled = await office.post(`/api/tasks/${task.id}/ruling`, { decision: 'overrule' });
    expect(ruled.statusCode, ruled.body).toBe(200);
    expect(ruled.json().dueAt).toBe(task.dueAt);
  });

  it('a wait over a night moves by one workday, and an import counts it again', async () => {
    env.clock.set('2026-12-28T10:00:00+08:00');
    const task = await issue('元旦前排查聚集场所');
    // Monday–Friday for 2027: 29, 30, 31 December, 1 and 4 January
    expect(task.dueAt).toBe('2027-01-04T15:59:59.999Z');
    const ga = await env.as('unit-ga');
    env.clock.set('2026-12-28T10:05:00+08:00');
    expect(
      (await ga.post(`/api/tasks/${task.id}/return`, { reason: '涉及刑事案件' })).statusCode,
    ).toBe(200);
    // upheld the next morning: Monday 28 December ended during the wait
    env.clock.set('2026-12-29T10:00:00+08:00');
    const ruled = await office.post(`/api/tasks/${task.id}/ruling`, { decision: 'overrule' });
    expect(ruled.statusCode, ruled.body).toBe(200);
    expect(ruled.json()).toMatchObject({
      dueAt: '2027-01-05T15:59:59.999Z',
      provisional: true,
    });

    // 2027 arrives with 1 January off: counted again from the issue (29, 30, 31 Dec, 4, 5 Jan),
    // then the one-workday wait once more: Wednesday 6 January, still at 23:59:59
    const imported = await (
      await env.as('admin')
    ).request({
      method: 'PUT',
      url: '/api/calendar/2027',
      payload: { days: [{ date: '2027-01-01', workday: false, name: '元旦' }] },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const after = (await office.get(`/api/tasks/${task.id}`)).json();
    expect(after).toMatchObject({ dueAt: '2027-01-06T15:59:59.999Z', provisional: false });
  });
});
