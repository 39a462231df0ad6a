import type { RunningWorker } from '@lianxi/worker';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, TestEnv } from '../../../test/support/harness.js';
import { until } from '../../../test/support/wait.js';
import {
  closeStage,
  expectNoErrors,
  login,
  openSession,
  PHONE,
  screenshot,
  openStage,
} from './support/e2e.js';

const sec = (amount: number) => ({ amount, unit: 'second' as const });
const hour = { amount: 1, unit: 'hour' as const };
/** Due 2 s after issue; the ladder's three steps after the due time are given per order. */
const policy = (l1: number, l2: number | null, l3: number | null) => ({
  signWithin: hour,
  returnWithin: hour,
  dueSoon: sec(1),
  ladder: [
    { level: 1, after: sec(l1) },
    { level: 2, after: l2 === null ? hour : sec(l2) },
    { level: 3, after: l3 === null ? { amount: 2, unit: 'hour' as const } : sec(l3) },
  ],
  defaultDue: sec(2),
  urgentDue: sec(1),
  maxExtension: hour,
  rulingWithin: hour,
  reviewWithin: hour,
});

let env: TestEnv;
let browser: Browser;
let baseURL: string;
let worker: RunningWorker | undefined;
let office: Caller;

beforeAll(async () => {
  ({ env, baseURL, browser, worker } = await openStage({ worker: true }));
  office = await env.as('office');
}, 120_000);

afterAll(() => closeStage({ env, browser, worker }));

/** The policy applies to orders issued after it, so each order gets its own ladder. */
async function issueUnder(p: ReturnType<typeof policy>, title: string, unit: string) {
  const current = (await office.get('/api/policy')).json();
  const put = await office.request({
    method: 'PUT',
    url: '/api/policy',
    payload: { policy: p, version: current.version },
  });
  expect(put.statusCode, put.body).toBe(200);
  const res = await office.post('/api/work-orders', {
    title,
    body: '秒级期限演示',
    assignments: [{ unitId: await env.unitId(unit), role: 'lead' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().tasks[0].id as string;
}

const levelOf = async (taskId: string) =>
  (await office.get(`/api/tasks/${taskId}`)).json().escalationLevel as number;

describe('the supervisor board in the browser', () => {
  it('shows tasks escalated by the worker in red, orange and yellow, worst first', async () => {
    const red = await issueUnder(policy(0, 1, 2), '逾期挂牌督办演示', 'ga');
    const orange = await issueUnder(policy(0, 1, null), '逾期督办演示', 'jy');
    const yellow = await issueUnder(policy(0, null, null), '逾期催办演示', 'mz');
    await until(async () => (await levelOf(red)) === 3, 20_000, 'red task at level 3');
    await until(async () => (await levelOf(orange)) === 2, 20_000, 'orange task at level 2');
    await until(async () => (await levelOf(yellow)) === 1, 20_000, 'yellow task at level 1');

    const supervisor = await openSession(browser, baseURL);
    await login(supervisor.page, 'supervisor');
    await supervisor.page.waitForURL('**/supervision');
    const rows = supervisor.page.getByTestId('overdue-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    const row = (taskId: string) => supervisor.page.locator(`tr[data-task-id="${taskId}"]`);
    const colourOf = (taskId: string) =>
      row(taskId).getByTestId('colour-tag').getAttribute('data-colour');
    expect(await colourOf(red)).toBe('red');
    expect(await row(red).getByTestId('colour-tag').textContent()).toBe('挂牌督办');
    expect(await colourOf(orange)).toBe('orange');
    expect(await row(orange).getByTestId('colour-tag').textContent()).toBe('督办');
    expect(await colourOf(yellow)).toBe('yellow');
    expect(await row(yellow).getByTestId('colour-tag').textContent()).toBe('催办');
    // Worst first, as the API orders the board.
    expect(
      await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-task-id'))),
    ).toEqual([red, orange, yellow]);
    // The tag is drawn in its colour, not only labelled with it.
    const background = await row(red)
      .getByTestId('colour-tag')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(245, 34, 45)');
    await screenshot(supervisor.page, 'supervisor-board-1366');

    // The red item's escalation history on its task page, and its supervision case.
    await row(red).getByRole('link', { name: '逾期挂牌督办演示' }).click();
    await supervisor.page.waitForURL(`**/tasks/${red}`);
    const history = supervisor.page.getByTestId('escalation-history');
    await expect.poll(() => history.getByTestId('colour-tag').count()).toBe(3);
    await supervisor.page.goBack();
    await row(red).getByRole('link', { name: '查看督办件' }).click();
    await supervisor.page.waitForURL(/\/supervision\/cases\/[0-9a-f-]{36}$/);
    await supervisor.page.getByLabel('新增意见').fill('请区公安分局三日内书面说明逾期原因。');
    await supervisor.page.getByRole('button', { name: '提交意见' }).click();
    await expect
      .poll(() => supervisor.page.getByTestId('case-detail').textContent())
      .toContain('请区公安分局三日内书面说明逾期原因。');

    const phone = await openSession(browser, baseURL, PHONE);
    await login(phone.page, 'supervisor');
    await expect.poll(() => phone.page.locator('tbody tr.ant-table-row').count()).toBe(3);
    await screenshot(phone.page, 'supervisor-board-390');

    // The leader's read-only dashboard counts the same items.
    const leader = await openSession(browser, baseURL);
    await login(leader.page, 'leader');
    await leader.page.waitForURL('**/leader');
    const colours = leader.page.getByTestId('chart-colour');
    await expect
      .poll(() => colours.locator('[data-key="red"]').getAttribute('data-value'))
      .toBe('1');
    expect(await colours.locator('[data-key="orange"]').getAttribute('data-value')).toBe('1');
    expect(await colours.locator('[data-key="yellow"]').getAttribute('data-value')).toBe('1');
    expect(await leader.page.getByRole('button', { name: /下发|审核|撤回/ }).count()).toBe(0);
    await screenshot(leader.page, 'leader-dashboard-1366');

    const officeUi = await openSession(browser, baseURL);
    await login(officeUi.page, 'office');
    await expect
      .poll(() => officeUi.page.getByTestId('stat-escalated').textContent())
      .toContain('3');
    await screenshot(officeUi.page, 'office-dashboard-overdue-1366');

    expectNoErrors(supervisor, phone, leader, officeUi);
  }, 120_000);
});
