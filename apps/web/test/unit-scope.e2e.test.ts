import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEnv } from '../../../test/support/harness.js';
import { closeStage, expectNoErrors, login, openSession, openStage } from './support/e2e.js';

let env: TestEnv;
let browser: Browser;
let baseURL: string;
let orderId: string;
let gaTask: string;
let scjgTask: string;
const TITLE = '关于核查某网络传销平台的交办单';

beforeAll(async () => {
  ({ env, baseURL, browser } = await openStage());
  const office = await env.as('office');
  const res = await office.post('/api/work-orders', {
    title: TITLE,
    body: '请公安主办、市场监管协办，核查平台资金流向。',
    assignments: [
      { unitId: await env.unitId('ga'), role: 'lead' },
      { unitId: await env.unitId('scjg'), role: 'assist' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const order = res.json();
  orderId = order.id;
  gaTask = order.tasks.find((t: { role: string }) => t.role === 'lead').id;
  scjgTask = order.tasks.find((t: { role: string }) => t.role === 'assist').id;
}, 120_000);

afterAll(() => closeStage({ env, browser }));

describe('a unit sees only its own tasks', () => {
  it('教育局 sees nothing of an order issued to 公安 and 市场监管, and their task pages are not found', async () => {
    // The browser logs each 404 the test provokes on purpose; any other error still fails it.
    const provoked = [
      new RegExp(`404.*/api/(tasks/(${gaTask}|${scjgTask})|work-orders/${orderId})`),
    ];
    const jy = await openSession(browser, baseURL, undefined, provoked);
    await login(jy.page, 'unit-jy');
    await jy.page.waitForURL('**/inbox');
    for (const [tab, testId, empty] of [
      ['待签收', 'inbox-issued', '没有待签收的任务'],
      ['办理中', 'inbox-doing', '没有办理中的任务'],
      ['已反馈', 'inbox-done', '没有已反馈的任务'],
    ]) {
      await jy.page.getByRole('tab', { name: new RegExp(tab) }).click();
      const pane = jy.page.getByTestId(testId);
      await expect.poll(() => pane.textContent()).toContain(empty);
      expect(await pane.textContent()).not.toContain(TITLE);
    }
    await jy.page.getByRole('menuitem', { name: '交办单' }).click();
    await jy.page.waitForURL('**/work-orders');
    await expect
      .poll(() => jy.page.getByTestId('work-order-list').textContent())
      .toContain('暂无交办单');

    for (const path of [`/tasks/${gaTask}`, `/tasks/${scjgTask}`, `/work-orders/${orderId}`]) {
      await jy.page.goto(path);
      await expect
        .poll(() => jy.page.getByTestId('not-found').isVisible(), { timeout: 10_000 })
        .toBe(true);
      expect(await jy.page.locator('body').textContent()).not.toContain(TITLE);
    }

    // The lead unit does see it, so the empty inbox above is scope, not a broken page.
    // One 404 per page opened above: the pages asked and the API refused.
    expect(jy.allowed.length).toBeGreaterThanOrEqual(3);

    const ga = await openSession(browser, baseURL, undefined, provoked);
    await login(ga.page, 'unit-ga');
    await expect.poll(() => ga.page.getByTestId('inbox-issued').textContent()).toContain(TITLE);
    await ga.page.goto(`/tasks/${scjgTask}`);
    await expect
      .poll(() => ga.page.getByTestId('not-found').isVisible(), { timeout: 10_000 })
      .toBe(true);
    expect(ga.allowed.length).toBeGreaterThanOrEqual(1);

    expectNoErrors(jy, ga);
  }, 120_000);

  it("keeps the login across an expired access token and shows the server's field errors in place", async () => {
    const expected = [/401.*\/api\//, /400.*\/api\/me\/password/];
    const jy = await openSession(browser, baseURL, undefined, expected);
    await login(jy.page, 'unit-jy');
    await jy.page.waitForURL('**/inbox');

    // A stale access token: the client refreshes once, stores the new pair, and carries on.
    const before = await jy.page.evaluate(() => sessionStorage.getItem('lianxi.session'));
    await jy.page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('lianxi.session')!);
      sessionStorage.setItem('lianxi.session', JSON.stringify({ ...s, accessToken: 'expired' }));
    });
    await jy.page.reload();
    await expect
      .poll(() => jy.page.getByTestId('inbox-issued').textContent())
      .toContain('没有待签收的任务');
    await expect
      .poll(() =>
        jy.page.evaluate(() => JSON.parse(sessionStorage.getItem('lianxi.session')!).refreshToken),
      )
      .not.toBe(JSON.parse(before!).refreshToken);
    expect(jy.page.url()).toContain('/inbox');

    // The API's field error lands under the field it names (body.currentPassword).
    await jy.page.getByRole('menuitem', { name: '修改密码' }).click();
    await jy.page.getByLabel('当前密码').fill('Wrong#Pass2026');
    await jy.page.getByLabel('新密码', { exact: true }).fill('Brand#New2026pw');
    await jy.page.getByLabel('确认新密码').fill('Brand#New2026pw');
    await jy.page.getByRole('button', { name: '修改密码' }).click();
    const field = jy.page.locator('.ant-form-item', { has: jy.page.getByLabel('当前密码') });
    await expect
      .poll(() => field.locator('.ant-form-item-explain-error').textContent())
      .toBe('当前密码不正确');
    expect(jy.allowed.some((e) => e.includes('401'))).toBe(true);
    expect(jy.allowed.some((e) => e.includes('400'))).toBe(true);

    // Logging out ends the session: protected pages send the user back to the login form.
    await jy.page.getByTestId('user-menu').click();
    await jy.page.getByRole('menuitem', { name: '退出登录' }).click();
    await jy.page.waitForURL('**/login');
    await jy.page.goto('/inbox');
    await jy.page.waitForURL('**/login?next=%2Finbox');

    expectNoErrors(jy);
  }, 120_000);
});
