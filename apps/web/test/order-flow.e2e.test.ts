import type { Browser } from 'playwright-core';
import { addDays, localDate } from '@lianxi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEnv } from '../../../test/support/harness.js';
import {
  chooseOption,
  closeStage,
  expectNoErrors,
  login,
  openSession,
  PHONE,
  pickOption,
  screenshot,
  openStage,
} from './support/e2e.js';

let env: TestEnv;
let browser: Browser;
let baseURL: string;

beforeAll(async () => {
  ({ env, baseURL, browser } = await openStage());
}, 120_000);

afterAll(() => closeStage({ env, browser }));

describe('a work order through the web workbench', () => {
  it('office issues to 公安 (lead) and 市场监管 (assist); 公安 signs and reports; office approves; the task is 已办结', async () => {
    const office = await openSession(browser, baseURL);
    const unit = await openSession(browser, baseURL);
    const phone = await openSession(browser, baseURL, PHONE);
    const title = '关于查处某小区聚集型传销窝点的交办单';

    // 打传办 issues the order through the form.
    await login(office.page, 'office');
    await office.page.waitForURL('**/dashboard');
    await expect.poll(() => office.page.getByTestId('summary-cards').isVisible()).toBe(true);

    await office.page.getByRole('menuitem', { name: '下发交办单' }).click();
    await office.page.waitForURL('**/work-orders/new');
    // Submitting empty shows the form's own messages, the API's rules, before any request.
    await office.page.getByTestId('issue-submit').click();
    await expect.poll(() => office.page.getByText('请填写标题').isVisible()).toBe(true);
    await expect.poll(() => office.page.getByText('请选择一个主办单位').isVisible()).toBe(true);

    await office.page.getByLabel('标题').fill(title);
    await office.page
      .getByLabel('交办内容')
      .fill('据群众举报，某小区 3 栋存在聚集型传销窝点，请公安牵头查处，市场监管配合。');
    await pickOption(office.page, 'lead-unit', '公安');
    await pickOption(office.page, 'assist-units', '市场监管');
    await expect
      .poll(() => office.page.getByTestId('selected-duties').textContent())
      .toContain('捣窝点');
    await screenshot(office.page, 'office-issue-form-1366');
    await office.page.getByTestId('issue-submit').click();
    // the form asks before sending, with the day the order will be due
    const confirm = office.page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.getAttribute('class')).not.toMatch(/-(appear|enter)\b/);
    await confirm.getByTestId('issue-confirm').click();
    await office.page.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
    const rows = office.page.getByTestId('order-tasks').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    const gaRow = rows.filter({ hasText: '区公安分局' });
    await expect.poll(() => gaRow.textContent()).toContain('主办');
    await expect
      .poll(() => rows.filter({ hasText: '区市场监管分局' }).textContent())
      .toContain('协办');
    const href = await gaRow.getByTestId('task-link').getAttribute('href');
    expect(href).toMatch(/^\/tasks\/[0-9a-f-]{36}$/);
    const taskPath = href!;

    // 公安 signs for it and reports from its inbox.
    await login(unit.page, 'unit-ga');
    await unit.page.waitForURL('**/inbox');
    const pending = unit.page.getByTestId('inbox-issued');
    await expect.poll(() => pending.textContent()).toContain(title);
    await expect
      .poll(() => pending.getByTestId('deadline-state').first().textContent())
      .toMatch(/剩余 \d+ 个工作日|今日到期/);
    await screenshot(unit.page, 'unit-inbox-1366');
    await pending.getByRole('link', { name: title }).click();
    await unit.page.waitForURL(`**${taskPath}`);
    const status = unit.page.getByTestId('task-detail').getByTestId('status-tag').first();
    await expect.poll(() => status.getAttribute('data-status')).toBe('issued');
    await unit.page.getByTestId('action-accept').click();
    await expect.poll(() => status.getAttribute('data-status')).toBe('accepted');
    await expect.poll(() => status.textContent()).toBe('办理中');

    await unit.page.getByTestId('action-report').click();
    const dialog = unit.page.getByRole('dialog', { name: '反馈办理结果' });
    await dialog.getByRole('button', { name: '提交反馈' }).click();
    await expect.poll(() => dialog.getByText('请填写办理结果').isVisible()).toBe(true);
    await dialog.getByLabel('办理结果').fill('已会同市场监管捣毁窝点一处，解救 12 人，刑拘 3 人。');
    await dialog.getByRole('button', { name: '提交反馈' }).click();
    await expect.poll(() => status.getAttribute('data-status')).toBe('reported');
    await expect
      .poll(() => unit.page.getByTestId('task-timeline').textContent())
      .toContain('反馈办理结果');
    await screenshot(unit.page, 'unit-task-reported-1366');

    // The same inbox on a phone: the menu folds into a drawer, the table scrolls sideways.
    await login(phone.page, 'unit-ga');
    await phone.page.waitForURL('**/inbox');
    await phone.page.getByRole('tab', { name: /已反馈/ }).click();
    await expect.poll(() => phone.page.getByTestId('inbox-done').textContent()).toContain(title);
    await screenshot(phone.page, 'unit-inbox-390');
    await phone.page.getByTestId('menu-toggle').click();
    await expect
      .poll(() => phone.page.getByRole('menuitem', { name: '通知' }).isVisible())
      .toBe(true);
    await screenshot(phone.page, 'unit-menu-drawer-390');

    // 打传办 approves the report.
    await office.page.goto(taskPath);
    const officeStatus = office.page.getByTestId('task-detail').getByTestId('status-tag').first();
    await expect.poll(() => officeStatus.getAttribute('data-status')).toBe('reported');
    await office.page.getByTestId('action-approve').click();
    await office.page
      .getByRole('dialog', { name: '审核通过' })
      .getByRole('button', { name: '确认通过' })
      .click();
    await expect.poll(() => officeStatus.getAttribute('data-status')).toBe('closed');
    await expect.poll(() => officeStatus.textContent()).toBe('已办结');
    await screenshot(office.page, 'office-task-closed-1366');

    await office.page.getByRole('menuitem', { name: '工作台' }).click();
    await expect.poll(() => office.page.getByTestId('stat-closed').textContent()).toContain('1');
    await screenshot(office.page, 'office-dashboard-1366');

    // The unit sees the same outcome.
    await unit.page.reload();
    await expect.poll(() => status.textContent()).toBe('已办结');

    expectNoErrors(office, unit, phone);
  }, 120_000);

  it('unit returns a task and the office reassigns it; unit asks for more time and the office grants it', async () => {
    const api = await env.as('office');
    const issue = async (title: string, unit: string) => {
      const res = await api.post('/api/work-orders', {
        title,
        body: '测试退回与延期',
        assignments: [{ unitId: await env.unitId(unit), role: 'lead' }],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().tasks[0] as { id: string; dueAt: string };
    };
    const office = await openSession(browser, baseURL);
    await login(office.page, 'office');

    // 退回 → 审定改派.
    const misrouted = await issue('关于校园传销宣传的交办单（误派）', 'jy');
    const jy = await openSession(browser, baseURL);
    await login(jy.page, 'unit-jy');
    await jy.page.goto(`/tasks/${misrouted.id}`);
    await jy.page.getByTestId('action-return').click();
    const returnDialog = jy.page.getByRole('dialog', { name: '退回任务' });
    await returnDialog
      .getByLabel('退回理由')
      .fill('资金流向核查属于公安、金融部门职责，不属于教育局职责。');
    await returnDialog.getByRole('button', { name: '确认退回' }).click();
    const jyStatus = jy.page.getByTestId('task-detail').getByTestId('status-tag').first();
    await expect.poll(() => jyStatus.getAttribute('data-status')).toBe('returned');

    await office.page.goto(`/tasks/${misrouted.id}`);
    await office.page.getByTestId('action-reassign').click();
    const ruling = office.page.getByRole('dialog', { name: '改派其他单位' });
    await ruling.getByLabel('新的承办单位').click();
    await ruling.getByLabel('新的承办单位').fill('公安');
    await chooseOption(office.page, '区公安分局');
    await ruling.getByRole('button', { name: '确认改派' }).click();
    const officeStatus = office.page.getByTestId('task-detail').getByTestId('status-tag').first();
    await expect.poll(() => officeStatus.textContent()).toBe('已改派');
    const reassigned = await env.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM tasks t JOIN units u ON u.id = t.unit_id
        WHERE t.work_order_id = (SELECT work_order_id FROM tasks WHERE id = $1) AND u.code = 'ga'`,
      [misrouted.id],
    );
    expect(reassigned[0].n).toBe(1);

    // 申请延期 → 批准: the new deadline replaces the old one.
    const slow = await issue('关于排查出租屋传销窝点的交办单', 'ga');
    const ga = await openSession(browser, baseURL);
    await login(ga.page, 'unit-ga');
    await ga.page.goto(`/tasks/${slow.id}`);
    await ga.page.getByTestId('action-accept').click();
    const gaStatus = ga.page.getByTestId('task-detail').getByTestId('status-tag').first();
    await expect.poll(() => gaStatus.getAttribute('data-status')).toBe('accepted');
    const wanted = addDays(localDate(new Date(slow.dueAt), 'Asia/Shanghai'), 3);
    await ga.page.getByTestId('action-extension').click();
    const extDialog = ga.page.getByRole('dialog', { name: '申请延期' });
    // the allowance is told up front, as a Beijing day with its weekday
    const allowance = (await api.get(`/api/tasks/${slow.id}/extension-allowance`)).json();
    await expect
      .poll(() => extDialog.getByTestId('extension-allowance').textContent())
      .toContain(`最晚可延期至 ${allowance.latestDay}`);
    await extDialog.getByLabel('申请延至（北京时间）').click();
    await extDialog.getByLabel('申请延至（北京时间）').fill(`${wanted} 10:00`);
    await ga.page.keyboard.press('Enter');
    await extDialog.getByLabel('延期理由').fill('窝点人员流动，需跨区协查。');
    await extDialog.getByRole('button', { name: '提交申请' }).click();
    await expect
      .poll(() => ga.page.getByTestId('extension-panel').textContent())
      .toContain('待审批');
    expect(await ga.page.getByTestId('action-extension').isDisabled()).toBe(true);

    await office.page.goto(`/tasks/${slow.id}`);
    await office.page.getByTestId('extension-approve').click();
    await office.page
      .getByRole('dialog', { name: '批准延期' })
      .getByRole('button', { name: '确认批准' })
      .click();
    await expect
      .poll(() => office.page.getByTestId('extension-panel').textContent())
      .toContain('已批准');
    const [y, m, d] = wanted.split('-').map(Number);
    await expect
      .poll(() => office.page.getByTestId('task-detail').textContent())
      .toContain(`${y}年${m}月${d}日 10:00`);
    const task = (await api.get(`/api/tasks/${slow.id}`)).json();
    expect(localDate(new Date(task.dueAt), 'Asia/Shanghai')).toBe(wanted);
    expect(task.deadlineVersion).toBe(2);

    expectNoErrors(office, jy, ga);
  }, 120_000);
});
