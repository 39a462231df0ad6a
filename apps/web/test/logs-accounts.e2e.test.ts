import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEnv } from '../../../test/support/harness.js';
import {
  closeStage,
  expectNoErrors,
  login,
  openedDialog,
  openMenu,
  openSession,
  openStage,
  PHONE,
  pickOption,
  screenshot,
} from './support/e2e.js';

let env: TestEnv;
let browser: Browser;
let baseURL: string;

beforeAll(async () => {
  ({ env, baseURL, browser } = await openStage());
  // something to find: a unit the office creates, and a login that fails
  const office = await env.as('office');
  expect((await office.post('/api/units', { code: 'rz-1', name: '日志街道' })).statusCode).toBe(
    201,
  );
  const failed = await env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'leader', password: 'Wrong#pass2026' },
  });
  expect(failed.statusCode).toBe(401);
}, 120_000);

afterAll(() => closeStage({ env, browser }));

describe('the administrator reads the logs and edits accounts', () => {
  it('操作日志：按操作筛选只剩该操作，哈希链状态可见，筛选留在地址栏', async () => {
    const s = await openSession(browser, baseURL);
    const { page } = s;
    await login(page, 'admin');
    await openMenu(page, '操作日志');
    await page.waitForURL('**/audit');
    await expect
      .poll(() => page.getByTestId('audit-chain').textContent())
      .toMatch(/哈希链完整，已校验 \d+ 条/);

    await pickOption(page, 'search-action', '新建成员单位');
    await page.getByTestId('search-submit').click();
    await page.waitForURL(/action=unit\.created/);
    const tags = page.getByTestId('audit-list').getByTestId('audit-action');
    const [{ n }] = await env.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'unit.created'",
    );
    await expect.poll(() => tags.count()).toBe(n);
    expect(new Set(await tags.allTextContents())).toEqual(new Set(['新建成员单位']));
    const row = page.getByTestId('audit-list').locator('tr.ant-table-row', { hasText: '日志街道' });
    expect(await row.textContent()).toContain('打传办值班员');
    // the time is Beijing's wall clock, never an ISO string
    expect(await row.textContent()).not.toMatch(/\d{4}-\d\d-\d\dT/);

    // a reload keeps the filter
    await page.reload();
    await expect.poll(() => tags.count()).toBe(n);
    await expect.poll(() => page.getByTestId('search-bar').textContent()).toContain('新建成员单位');
    await screenshot(page, 'admin-audit-log-1366');

    await page.setViewportSize(PHONE);
    await screenshot(page, 'admin-audit-log-390');
    expectNoErrors(s);
    await s.context.close();
  });

  it('登录日志：失败的登录带原因', async () => {
    const s = await openSession(browser, baseURL);
    const { page } = s;
    await login(page, 'admin');
    await openMenu(page, '登录日志');
    await page.waitForURL('**/login-log');
    const failure = page
      .getByTestId('login-log-list')
      .locator('tr.ant-table-row', { hasText: 'leader' })
      .getByTestId('login-failure');
    await expect.poll(() => failure.first().textContent()).toContain('密码错误');

    await pickOption(page, 'search-result', '失败');
    await page.getByTestId('search-submit').click();
    await page.waitForURL(/result=failure/);
    const rows = page.getByTestId('login-log-list').locator('tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    await screenshot(page, 'admin-login-log-1366');

    await page.setViewportSize(PHONE);
    await screenshot(page, 'admin-login-log-390');
    expectNoErrors(s);
    await s.context.close();
  });

  it('账号管理：编辑账号的姓名', async () => {
    const s = await openSession(browser, baseURL);
    const { page } = s;
    await login(page, 'admin');
    await openMenu(page, '账号管理');
    await page.waitForURL('**/users');
    await page.getByTestId('user-ops-supervisor').getByRole('button', { name: '编辑' }).click();
    const dialog = await openedDialog(page, '编辑账号：supervisor');
    await dialog.getByLabel('姓名').fill('督查专员（二组）');
    await dialog.getByRole('button', { name: '保存' }).click();
    const row = page
      .getByTestId('user-list')
      .locator('tr.ant-table-row', { hasText: 'supervisor' });
    await expect.poll(() => row.textContent()).toContain('督查专员（二组）');
    expect(
      await env.sql("SELECT display_name, role FROM users WHERE username = 'supervisor'"),
    ).toEqual([{ display_name: '督查专员（二组）', role: 'supervisor' }]);
    const [{ n }] = await env.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.updated'",
    );
    expect(n).toBe(1);
    expectNoErrors(s);
    await s.context.close();
  });

  it('队列监控：各队列的任务数与待投递事件一目了然', async () => {
    const s = await openSession(browser, baseURL);
    const { page } = s;
    await login(page, 'admin');
    await openMenu(page, '队列监控');
    await page.waitForURL('**/queues');
    for (const name of ['deadlines', 'notifications', 'clues', 'maintenance'])
      await expect.poll(() => page.getByTestId(`queue-${name}`).count()).toBe(1);
    expect(await page.getByTestId('queue-deadlines').textContent()).toContain('时限与督办');
    await expect
      .poll(() => page.getByTestId('outbox-status').textContent())
      .toMatch(/事件均已投递|待投递事件 \d+ 条/);
    await screenshot(page, 'admin-queues-1366');
    const phone = await openSession(browser, baseURL, PHONE);
    await login(phone.page, 'admin');
    await phone.page.goto('/queues');
    await expect.poll(() => phone.page.getByTestId('queue-clues').count()).toBe(1);
    await screenshot(phone.page, 'admin-queues-390');
    expectNoErrors(s, phone);
  }, 120_000);
});
