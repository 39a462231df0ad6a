import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, TestEnv } from '../../../test/support/harness.js';
import {
  closeStage,
  DESKTOP,
  expectNoErrors,
  login,
  openedDialog,
  openSession,
  openStage,
  screenshot,
} from './support/e2e.js';

let env: TestEnv;
let browser: Browser;
let baseURL: string;
let office: Caller;

beforeAll(async () => {
  ({ env, baseURL, browser } = await openStage());
  office = await env.as('office');
}, 120_000);

afterAll(() => closeStage({ env, browser }));

describe('a supervisor acts by hand', () => {
  it('督办 before the task is due reaches the unit; opening the notice opens the task and reads it', async () => {
    const res = await office.post('/api/work-orders', {
      title: '关于核查某养生会所涉传销的交办单',
      body: '请核查场所人员构成并反馈。',
      dueInWorkdays: 10,
      assignments: [{ unitId: await env.unitId('wgx'), role: 'lead' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const taskId = res.json().tasks[0].id as string;
    const serial = res.json().serial as string;

    // a 催办 first, by the API: its notice is read when the unit opens the task, unclicked
    const urged = await (
      await env.as('supervisor')
    ).post(`/api/tasks/${taskId}/urge`, { note: '请尽快签收' });
    expect(urged.statusCode, urged.body).toBe(200);

    const sup = await openSession(browser, baseURL, DESKTOP);
    await login(sup.page, 'supervisor');
    await sup.page.goto(`/tasks/${taskId}`);
    await sup.page.getByTestId('action-supervise').click();
    const dialog = await openedDialog(sup.page, '人工督办');
    const note = '群众反映强烈，列为督办件，请五个工作日内办结';
    await dialog.getByLabel('督查意见').fill(note);
    await dialog.getByRole('button', { name: '列为督办件' }).click();
    await expect.poll(() => sup.page.getByTestId('task-timeline').textContent()).toContain(note);
    await screenshot(sup.page, 'supervisor-supervised-by-hand-1366');
    const cases = (await (await env.as('supervisor')).get('/api/supervision/cases?status=open'))
      .json()
      .items.filter((c: { taskId: string }) => c.taskId === taskId);
    expect(cases).toHaveLength(1);

    // 文广新局 is told, by name of the order and in the supervisor's words
    const unit = await openSession(browser, baseURL, DESKTOP);
    await login(unit.page, 'unit-wgx');
    const wgx = await env.as('unit-wgx');
    const unreadBefore = (await wgx.get('/api/notifications/unread-count')).json().count as number;
    await unit.page.getByTestId('notifications-bell').click();
    await unit.page.waitForURL('**/notifications');
    const item = unit.page.getByTestId('notification-list').locator(':scope > div', {
      hasText: `【督办】《关于核查某养生会所涉传销的交办单》（${serial}）`,
    });
    await expect.poll(() => item.textContent()).toContain(note);
    await screenshot(unit.page, 'unit-notice-supervised-1366');
    await item.getByText('【督办】').click();
    await unit.page.waitForURL(`**/tasks/${taskId}`);
    await expect.poll(() => unit.page.getByTestId('task-detail').textContent()).toContain(note);
    // opening the task read every notice about it: the 督办 clicked and the 催办 not
    await expect
      .poll(async () => (await wgx.get('/api/notifications/unread-count')).json().count)
      .toBe(unreadBefore - 2);
    expectNoErrors(sup, unit);
  }, 120_000);
});
