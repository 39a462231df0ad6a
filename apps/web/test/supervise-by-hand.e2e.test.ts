import { handoffClocks, processDue } from '@lianxi/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInstants } from '../../../test/support/deadlines.js';
import type { Caller, TestEnv } from '../../../test/support/harness.js';
import { silent } from '../../../test/support/wait.js';
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

describe('a supervisor chases an overdue hand-off', () => {
  it("督办 from the board's 逾期移送件 opens a case and reaches the receiving unit", async () => {
    const scjg = await env.as('unit-scjg');
    const clue = await scjg.post('/api/clues', {
      channel: 'other_unit',
      subject: { name: '恒信互助会（又名“恒信养老俱乐部”）' },
      category: 'gathering',
      description: '检查中发现以“养老投资”为名发展下线',
    });
    expect(clue.statusCode, clue.body).toBe(201);
    const sent = await scjg.post(`/api/clues/${clue.json().id}/handoffs`, {
      toUnitId: await env.unitId('ga'),
      kind: 'transfer',
      reason: '属公安机关管辖，移送核查',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const handoffId = sent.json().id as string;
    const serial = sent.json().clueSerial as string;
    // past the sign-for limit the receiving unit is 催办 by the clock: the hand-off is overdue
    env.clock.passTo((await handoffInstants(env, handoffId)).signDueAt!);
    env.clock.advance(60_000);
    await processDue(handoffClocks, { db: env.database.db, clock: env.clock, log: silent });

    const sup = await openSession(browser, baseURL, DESKTOP);
    await login(sup.page, 'supervisor');
    await sup.page.goto('/supervision?tab=handoffs');
    const row = sup.page.getByTestId('overdue-handoffs').locator('tr', { hasText: serial });
    await row.getByTestId('action-supervise').click();
    const dialog = await openedDialog(sup.page, '人工督办');
    const note = '移送已逾期未接收，列为督办件，请立即接收核查';
    await dialog.getByLabel('督查意见').fill(note);
    await dialog.getByRole('button', { name: '列为督办件' }).click();
    await expect.poll(() => sup.page.getByText('已督办，督办件已立').count()).toBeGreaterThan(0);
    await screenshot(sup.page, 'supervisor-overdue-handoffs-1366');

    // the case is listed among the 督办件 as a hand-off's, and leads to the hand-off
    await sup.page.goto('/supervision/cases?subjectType=handoff');
    const caseRow = sup.page.getByTestId('cases-open').locator('tr', { hasText: serial });
    await expect.poll(() => caseRow.textContent()).toContain('移送件');
    await caseRow.getByRole('link').first().click();
    // the list's link bears the same name as the case page's: leave the list first
    await sup.page.waitForURL(/\/supervision\/cases\/[0-9a-f-]{36}$/);
    await sup.page.getByRole('link', { name: '恒信互助会（又名“恒信养老俱乐部”）' }).click();
    // the hand-off page is a chunk of its own, slow to arrive while two browser files share the CPU
    await sup.page.waitForURL(`**/handoffs/${handoffId}`, { timeout: 30_000 });

    // 公安 is told, and opening the notice opens the hand-off with the supervisor's words
    const unit = await openSession(browser, baseURL, DESKTOP);
    await login(unit.page, 'unit-ga');
    await unit.page.goto('/notifications');
    const item = unit.page.getByTestId('notification-list').locator(':scope > div', {
      hasText: `【督办】移交线索 ${serial}`,
    });
    await expect.poll(() => item.textContent()).toContain(note);
    await item.getByText('【督办】').click();
    await unit.page.waitForURL(`**/handoffs/${handoffId}`);
    await expect.poll(() => unit.page.locator('body').textContent()).toContain(note);
    await screenshot(unit.page, 'unit-handoff-supervised-1366');
    expectNoErrors(sup, unit);
  }, 180_000);
});
