import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEnv } from '../../../test/support/harness.js';
import {
  chooseOption,
  closeStage,
  expectNoErrors,
  login,
  openSession,
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

/** Picks an option of the antd Select just opened, by its exact label. */
const choose = (page: Page, label: string) => chooseOption(page, new RegExp(`^${label}$`));

const notice = (page: Page) => page.locator('.ant-notification-notice').last();

describe('the office maintains the roster, the rules and the calendar', () => {
  it('创建成员单位并登记职责；重复代码显示 API 的 409 说明', async () => {
    const office = await openSession(browser, baseURL, undefined, [/409.*\/api\/units/]);
    const { page } = office;
    await login(page, 'office');
    await page.getByRole('menuitem', { name: '成员单位' }).click();
    await page.waitForURL('**/units');

    const fillUnit = async (code: string, name: string) => {
      await page.getByTestId('unit-create').click();
      const dialog = page.getByRole('dialog', { name: '新增成员单位' });
      await dialog.getByLabel('单位代码').fill(code);
      await dialog.getByLabel('单位名称').fill(name);
      await dialog.getByLabel('类型').click();
      await choose(page, '乡镇街道');
      await dialog.getByRole('button', { name: '确认新增' }).click();
      return dialog;
    };
    await fillUnit('xz-hx', '红星街道办事处');
    const row = page.getByTestId('unit-list').locator('tr.ant-table-row', { hasText: 'xz-hx' });
    await expect.poll(() => row.textContent()).toContain('红星街道办事处');
    expect(await row.textContent()).toContain('乡镇街道');
    expect(await env.sql(`SELECT name, kind, role FROM units WHERE code = 'xz-hx'`)).toEqual([
      { name: '红星街道办事处', kind: 'grassroots', role: 'member' },
    ]);

    // A duty, shown when the row is expanded.
    await row.getByRole('button', { name: '新增职责' }).click();
    const dutyDialog = page.getByRole('dialog', { name: '新增职责：红星街道办事处' });
    await dutyDialog.getByLabel('领域').click();
    await choose(page, '防');
    const duty = '负责辖区出租屋传销线索摸排，每月向打传办报送一次。';
    await dutyDialog.getByLabel('职责内容').fill(duty);
    await dutyDialog.getByRole('button', { name: '确认新增' }).click();
    await expect.poll(() => dutyDialog.isVisible()).toBe(false);
    await row.locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => page.getByTestId('duties-xz-hx').textContent()).toContain(duty);
    expect(
      await env.sql(
        `SELECT d.area, d.text FROM duties d JOIN units u ON u.id = d.unit_id WHERE u.code = 'xz-hx'`,
      ),
    ).toEqual([{ area: 'prevent', text: duty }]);
    await screenshot(page, 'office-units-1366');

    // The same code again: the API's 409 explains it and the dialog stays open to correct.
    const again = await fillUnit('xz-hx', '红星街道（重复录入）');
    await expect.poll(() => notice(page).textContent()).toContain('操作冲突');
    expect(await notice(page).textContent()).toContain(
      '单位代码 xz-hx 或名称 红星街道（重复录入） 已存在',
    );
    expect(await again.isVisible()).toBe(true);
    expect(office.allowed.some((e) => e.includes('409'))).toBe(true);
    expect(await env.sql(`SELECT name FROM units WHERE code = 'xz-hx'`)).toEqual([
      { name: '红星街道办事处' },
    ]);
    expectNoErrors(office);
  }, 90_000);

  it('修改普通件办理时限为 7 个工作日；另一窗口以旧版本保存时提示冲突', async () => {
    const api = await env.as('office');
    const a = await openSession(browser, baseURL);
    const b = await openSession(browser, baseURL, undefined, [/409.*\/api\/policy/]);
    await login(a.page, 'office');
    await a.page.goto('/policy');
    const title = (page: Page) => page.getByTestId('policy-editor').locator('.ant-card-head');
    await expect.poll(() => title(a.page).textContent()).toContain('第 1 版');
    const defaultDue = (page: Page) => page.getByLabel('普通件办理时限', { exact: true });
    expect(await defaultDue(a.page).inputValue()).toBe('5');
    const unit = a.page.locator('.ant-select', { has: a.page.getByLabel('普通件办理时限单位') });
    expect(await unit.textContent()).toBe('工作日');

    await defaultDue(a.page).fill('7');
    await a.page.getByTestId('policy-save').click();
    await expect.poll(() => title(a.page).textContent()).toContain('第 2 版');
    await a.page.reload();
    await expect.poll(() => title(a.page).textContent()).toContain('第 2 版');
    expect(await defaultDue(a.page).inputValue()).toBe('7');
    const v2 = (await api.get('/api/policy')).json();
    expect(v2.version).toBe(2);
    expect(v2.policy.defaultDue).toEqual({ amount: 7, unit: 'workday' });
    await screenshot(a.page, 'office-policy-1366');

    // Two windows on version 2: the first saves, the second's save is refused as stale.
    await login(b.page, 'office');
    await b.page.goto('/policy');
    await expect.poll(() => title(b.page).textContent()).toContain('第 2 版');
    await a.page.getByLabel('签收时限', { exact: true }).fill('2');
    await a.page.getByTestId('policy-save').click();
    await expect.poll(() => title(a.page).textContent()).toContain('第 3 版');

    await defaultDue(b.page).fill('10');
    await b.page.getByTestId('policy-save').click();
    await expect.poll(() => notice(b.page).textContent()).toContain('数据已被修改');
    expect(await notice(b.page).textContent()).toContain('督办规则已被他人修改，请刷新后重试');
    // The window then shows what the other one saved, ready to edit again.
    await expect.poll(() => title(b.page).textContent()).toContain('第 3 版');
    expect(await defaultDue(b.page).inputValue()).toBe('7');
    expect(await b.page.getByLabel('签收时限', { exact: true }).inputValue()).toBe('2');
    const v3 = (await api.get('/api/policy')).json();
    expect(v3.version).toBe(3);
    expect(v3.policy.defaultDue).toEqual({ amount: 7, unit: 'workday' });
    expect(v3.policy.signWithin).toEqual({ amount: 2, unit: 'workday' });
    expect(b.allowed.length).toBe(1);
    expectNoErrors(a, b);
  }, 90_000);

  it('管理员导入 2027 年节假日安排；他年日期显示字段错误', async () => {
    const admin = await openSession(browser, baseURL);
    const { page } = admin;
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: '工作日历' }).click();
    await page.waitForURL('**/calendar');
    await page.getByLabel('年份').fill('2027');
    await expect
      .poll(() => page.getByTestId('calendar-days').textContent())
      .toContain('2027 年尚未导入节假日安排');

    // A date of another year is refused in place, before anything is sent.
    const lines = page.getByTestId('calendar-lines');
    const field = page.locator('.ant-form-item', { has: lines });
    await lines.fill('2027-01-01,休,元旦\n2026-10-01,休,国庆节');
    await page.getByTestId('calendar-import').click();
    await expect
      .poll(() => field.locator('.ant-form-item-explain-error').textContent())
      .toBe('第 2 行：日期不属于 2027 年');
    expect(await env.sql('SELECT year FROM calendar_years WHERE year = 2027')).toEqual([]);

    await lines.fill('2027-01-01,休,元旦\n2027-02-06,班,春节调休');
    await page.getByTestId('calendar-import').click();
    const days = page.getByTestId('calendar-days').locator('tr.ant-table-row');
    await expect.poll(() => days.count()).toBe(2);
    expect(await days.nth(0).textContent()).toBe('2027-01-01放假元旦');
    expect(await days.nth(1).textContent()).toBe('2027-02-06调休上班春节调休');
    // The old message fades out once the lines are valid.
    await expect.poll(() => field.locator('.ant-form-item-explain-error').count()).toBe(0);
    await expect.poll(() => page.getByText('来源：国务院办公厅通知').isVisible()).toBe(true);
    const year = (await (await env.as('admin')).get('/api/calendar/2027')).json();
    expect(year).toEqual({
      year: 2027,
      source: '国务院办公厅通知',
      days: [
        { date: '2027-01-01', workday: false, name: '元旦' },
        { date: '2027-02-06', workday: true, name: '春节调休' },
      ],
    });
    await screenshot(page, 'admin-calendar-1366');
    expectNoErrors(admin);
  }, 90_000);

  it('管理员新建账号、停用后该账号无法登录，并为其重置密码', async () => {
    const admin = await openSession(browser, baseURL, undefined, [/400.*\/api\/users/]);
    const { page } = admin;
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: '账号管理' }).click();
    await page.waitForURL('**/users');

    await page.getByTestId('user-create').click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('用户名').fill('mz-liaison');
    await dialog.getByLabel('姓名').fill('民政局联络员');
    // sixteen units and more: the list is searched, not scrolled
    await dialog.getByLabel('所属单位').fill('民政');
    await choose(page, '区民政局');
    // the API's password policy answers in place
    await dialog.getByLabel('初始密码').fill('short');
    await dialog.getByRole('button', { name: '确认新建' }).click();
    const pwField = dialog.locator('.ant-form-item', { has: page.getByLabel('初始密码') });
    await expect
      .poll(() => pwField.locator('.ant-form-item-explain-error').count())
      .toBeGreaterThan(0);
    await dialog.getByLabel('初始密码').fill('Liaison#2026x');
    await dialog.getByRole('button', { name: '确认新建' }).click();
    const row = page
      .getByTestId('user-list')
      .locator('tr.ant-table-row', { hasText: 'mz-liaison' });
    await expect.poll(() => row.textContent()).toContain('区民政局');
    expect(await row.textContent()).toContain('正常');

    await row.getByRole('button', { name: '停用' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
    await expect.poll(() => row.textContent()).toContain('已停用');
    const [user] = await env.sql<{ disabled: boolean }>(
      "SELECT disabled_at IS NOT NULL AS disabled FROM users WHERE username = 'mz-liaison'",
    );
    expect(user.disabled).toBe(true);
    const refused = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'mz-liaison', password: 'Liaison#2026x' },
    });
    expect(refused.statusCode).toBe(401);

    await row.getByRole('button', { name: '重置密码' }).click();
    const reset = page.getByRole('dialog', { name: '重置密码：民政局联络员' });
    await reset.getByLabel('新的初始密码').fill('Reset#Liaison27');
    await reset.getByRole('button', { name: '确认重置' }).click();
    await expect.poll(() => reset.isVisible()).toBe(false);
    await row.getByRole('button', { name: '启用' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '启用' }).click();
    await expect.poll(() => row.textContent()).toContain('正常');
    const back = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'mz-liaison', password: 'Reset#Liaison27' },
    });
    expect(back.statusCode).toBe(200);
    expect(back.json().user.mustChangePassword).toBe(true);
    await screenshot(page, 'admin-users-1366');
    expectNoErrors(admin);
  }, 90_000);
});
