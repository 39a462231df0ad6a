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
  screenshot,
  openStage,
  openedDialog,
} from './support/e2e.js';

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

async function issue(title: string, unit: string) {
  const res = await office.post('/api/work-orders', {
    title,
    body: '请按职责办理并按时反馈。',
    assignments: [{ unitId: await env.unitId(unit), role: 'lead' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().tasks[0].id as string;
}

describe('the office withdraws a task; a supervisor closes a case', () => {
  it('撤回任务后单位收到通知，标为已读后角标减少', async () => {
    const taskId = await issue('关于走访排查某商务楼传销活动的交办单', 'mz');

    const officeUi = await openSession(browser, baseURL);
    await login(officeUi.page, 'office');
    await officeUi.page.goto(`/tasks/${taskId}`);
    const status = officeUi.page.getByTestId('task-detail').getByTestId('status-tag').first();
    await expect.poll(() => status.getAttribute('data-status')).toBe('issued');
    await officeUi.page.getByTestId('action-withdraw').click();
    const dialog = await openedDialog(officeUi.page, '撤回任务');
    const reason = '该线索已由市级部门统一查办，本区不再交办。';
    await dialog.getByLabel('撤回理由').fill(reason);
    await dialog.getByRole('button', { name: '确认撤回' }).click();
    await expect.poll(() => status.textContent()).toBe('已撤回');
    await expect
      .poll(() => officeUi.page.getByTestId('task-timeline').textContent())
      .toContain(reason);
    expect(await officeUi.page.getByTestId('action-withdraw').count()).toBe(0);
    await screenshot(officeUi.page, 'office-task-withdrawn-1366');
    expect((await office.get(`/api/tasks/${taskId}`)).json().status).toBe('withdrawn');

    // 民政局 sees the notice and its reason; reading it lowers the badge by one.
    const mz = await env.as('unit-mz');
    const unreadBefore = (await mz.get('/api/notifications/unread-count')).json().count as number;
    expect(unreadBefore).toBeGreaterThanOrEqual(2); // the issue and the withdrawal
    const unit = await openSession(browser, baseURL);
    await login(unit.page, 'unit-mz');
    const badge = unit.page.getByTestId('unread-badge').locator('.ant-badge-count');
    await expect.poll(() => badge.getAttribute('title')).toBe(String(unreadBefore));
    await unit.page.getByTestId('notifications-bell').click();
    await unit.page.waitForURL('**/notifications');
    const item = unit.page
      .getByTestId('notification-list')
      .locator(':scope > div', { hasText: '任务已被打传办撤回' });
    await expect.poll(() => item.textContent()).toContain(reason);
    // The list and the badge agree on how many are unread.
    expect(await unit.page.getByTestId('notification-list').locator(':scope > div').count()).toBe(
      unreadBefore,
    );
    await item.getByRole('button', { name: '标为已读' }).click();
    await expect.poll(() => badge.getAttribute('title')).toBe(String(unreadBefore - 1));
    await expect.poll(() => item.count()).toBe(0);
    await screenshot(unit.page, 'unit-notifications-read-1366');
    expect((await mz.get('/api/notifications/unread-count')).json().count).toBe(unreadBefore - 1);
    const [row] = await env.sql<{ read: boolean }>(
      `SELECT n.read_at IS NOT NULL AS read FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.username = 'unit-mz' AND n.kind = 'task.withdrawn' AND n.subject_id = $1`,
      [taskId],
    );
    expect(row.read).toBe(true);
    expectNoErrors(officeUi, unit);
  }, 90_000);

  it('督查人员对督办件提出意见并办结，显示结论且不再可办结', async () => {
    // Due 2 s after issue, 督办 (level 2) 1 s after that; 挂牌 stays hours away.
    const sec = (amount: number) => ({ amount, unit: 'second' as const });
    const hour = { amount: 1, unit: 'hour' as const };
    const current = (await office.get('/api/policy')).json();
    const put = await office.request({
      method: 'PUT',
      url: '/api/policy',
      payload: {
        version: current.version,
        policy: {
          ...current.policy,
          dueSoon: sec(1),
          defaultDue: sec(2),
          ladder: [
            { level: 1, after: sec(0) },
            { level: 2, after: sec(1) },
            { level: 3, after: { amount: 2, unit: 'hour' } },
          ],
          signWithin: hour,
          returnWithin: hour,
        },
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const title = '关于督促核查某直销企业违规发展下线的交办单';
    const taskId = await issue(title, 'scjg');
    const supervisorApi = await env.as('supervisor');
    const caseOf = async () => {
      const page = (await supervisorApi.get('/api/supervision/cases?status=open')).json();
      return page.items.find((c: { taskId: string }) => c.taskId === taskId) as
        { id: string; level: number } | undefined;
    };
    const opened = await until(caseOf, 20_000, 'a supervision case for the overdue task');

    const sup = await openSession(browser, baseURL);
    const { page } = sup;
    await login(page, 'supervisor');
    await page.getByRole('menuitem', { name: '督办件' }).click();
    await page.getByTestId('cases-open').getByRole('link', { name: title }).click();
    await page.waitForURL(`**/supervision/cases/${opened.id}`);
    const detail = page.getByTestId('case-detail');
    await expect.poll(() => detail.textContent()).toContain('督办中');

    const opinion = '请区市场监管分局五个工作日内报送核查进展。';
    await page.getByLabel('新增意见').fill(opinion);
    await page.getByRole('button', { name: '提交意见' }).click();
    await expect.poll(() => detail.textContent()).toContain(opinion);

    await page.getByTestId('case-close').click();
    const dialog = await openedDialog(page, '办结督办件');
    const conclusion = '已查实该企业违规发展下线 37 人，责令整改并立案处罚。';
    const accountability = '对承办科室负责人予以约谈。';
    await dialog.getByLabel('督办结论').fill(conclusion);
    await dialog.getByLabel('责任追究（可选）').fill(accountability);
    await dialog.getByRole('button', { name: '确认办结' }).click();
    await expect.poll(() => detail.textContent()).toContain('已办结');
    expect(await detail.textContent()).toContain(conclusion);
    expect(await detail.textContent()).toContain(accountability);
    expect(await detail.textContent()).not.toContain('督办中');
    expect(await page.getByTestId('case-close').count()).toBe(0);
    expect(await page.getByRole('button', { name: '提交意见' }).count()).toBe(0);
    await screenshot(page, 'supervisor-case-closed-1366');

    const closed = (await supervisorApi.get(`/api/supervision/cases/${opened.id}`)).json();
    expect(closed).toMatchObject({ status: 'closed', conclusion, accountability });
    expect(closed.opinions.map((o: { text: string }) => o.text)).toEqual([opinion]);
    // The closed case is listed under 已办结, no longer under 督办中.
    await page.getByRole('menuitem', { name: '督办件' }).click();
    await page.getByRole('tab', { name: '已办结' }).click();
    await expect.poll(() => page.getByTestId('cases-closed').textContent()).toContain(title);
    await expect.poll(() => page.getByTestId('cases-open').textContent()).not.toContain(title);
    expectNoErrors(sup);
  }, 90_000);
});
