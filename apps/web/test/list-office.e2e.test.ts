import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, TestEnv } from '../../../test/support/harness.js';
import {
  chooseOption,
  closeStage,
  DESKTOP,
  expectNoErrors,
  login,
  openedDialog,
  openSession,
  openStage,
  PHONE,
  pickOption,
  screenshot,
} from './support/e2e.js';

let env: TestEnv;
let browser: Browser;
let baseURL: string;
let office: Caller;
let admin: Caller;

const rows = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('tbody tr.ant-table-row');
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

/**
 * A table that fits its page: nothing to scroll sideways, and no tag cut off by its cell
 * (antd clips a cell's overflow, so a tag wider than its column would lose its end).
 */
async function expectFits(table: Locator) {
  const scroller = table.locator('.ant-table-content, .ant-table-body').first();
  const [scrollWidth, clientWidth] = await scroller.evaluate((el) => [
    el.scrollWidth,
    el.clientWidth,
  ]);
  expect(scrollWidth, 'the table scrolls sideways').toBeLessThanOrEqual(clientWidth + 1);
  const clipped = await table.locator('tbody td .ant-tag').evaluateAll((tags) =>
    tags
      .filter((tag) => {
        const cell = tag.closest('td')!.getBoundingClientRect();
        const box = tag.getBoundingClientRect();
        return box.right > cell.right + 0.5 || box.left < cell.left - 0.5;
      })
      .map((tag) => tag.textContent),
  );
  expect(clipped, 'tags cut off by their cell').toEqual([]);
}

beforeAll(async () => {
  ({ env, baseURL, browser } = await openStage());
  office = await env.as('office');
  admin = await env.as('admin');
  const ga = await env.unitId('ga');
  for (const title of [
    '清查红星街道出租屋传销窝点',
    '第二批校园周边传销宣传排查',
    '核查养生会所',
  ]) {
    const order = await office.post('/api/work-orders', {
      title,
      body: '请按期办理并反馈。',
      dueInWorkdays: 10,
      assignments: [{ unitId: ga, role: 'lead' }],
    });
    expect(order.statusCode, order.body).toBe(201);
  }
  const first = (
    await office.post('/api/briefings', { from: '2026-01-01', to: '2026-01-31' })
  ).json();
  const second = (
    await office.post('/api/briefings', { from: '2026-02-01', to: '2026-02-28' })
  ).json();
  await office.patch(`/api/briefings/${second.id}`, {
    version: second.version,
    sections: { ...second.sections, headline: '春季校园防范宣传专刊' },
  });
  expect((await office.post(`/api/briefings/${first.id}/publish`)).statusCode).toBe(200);
  for (const [username, displayName, phone] of [
    ['ga-zhang', '张晓燕', '13711112222'],
    ['ga-li', '李建国', '021-66667777'],
  ]) {
    const res = await admin.post('/api/users', {
      username,
      displayName,
      phone,
      role: 'unit',
      unitId: ga,
      password: 'First#Pass2026',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // long names and several kinds of hand-off, for the clue list and the boxes at 1366 px
  const names = [
    '某某市鑫盛大健康科技发展有限公司红星街道分公司（又名“鑫盛养生会所”“鑫盛互助养老俱乐部”）',
    '华宇优品网上商城',
    '恒信互助会（又名“恒信养老俱乐部”）',
  ];
  const kinds = ['criminal_referral', 'transfer', 'route'];
  for (const [i, name] of names.entries()) {
    const clue = await office.post('/api/clues', {
      channel: i === 0 ? 'other_unit' : 'hotline',
      subject: { name },
      township: i === 0 ? '红星街道办事处东风社区居民委员会' : '东风镇',
      category: i === 1 ? 'online' : 'gathering',
      description: '以“消费返利”为名发展下线，层级计酬。',
    });
    expect(clue.statusCode, clue.body).toBe(201);
    const sent = await office.post(`/api/clues/${clue.json().id}/handoffs`, {
      toUnitId: ga,
      kind: kinds[i],
      reason: '涉嫌组织、领导传销活动罪',
    });
    expect(sent.statusCode, sent.body).toBe(201);
  }
}, 180_000);

afterAll(() => closeStage({ env, browser }));

describe('the office lists', () => {
  it('工作简报：按期号和状态查找，刷新后筛选仍在', async () => {
    const s = await openSession(browser, baseURL, DESKTOP);
    await login(s.page, 'office');
    await s.page.goto('/briefings');
    await expect.poll(() => rows(s.page, 'briefing-list').count()).toBe(2);
    await expect.poll(() => s.page.getByText('共 2 条').count()).toBe(1);
    await s.page.getByTestId('search-q').fill('校园防范');
    await s.page.getByTestId('search-submit').click();
    await expect.poll(() => rows(s.page, 'briefing-list').count()).toBe(1);
    await expect
      .poll(() => rows(s.page, 'briefing-list').textContent())
      .toContain('2026 年第 2 期');
    expect(param(s.page, 'q')).toBe('校园防范');

    await s.page.reload();
    await expect.poll(() => rows(s.page, 'briefing-list').count()).toBe(1);
    expect(await s.page.getByTestId('search-q').inputValue()).toBe('校园防范');

    await s.page.getByTestId('search-reset').click();
    await pickOption(s.page, 'search-status', '已印发');
    await s.page.getByTestId('search-submit').click();
    await expect.poll(() => param(s.page, 'status')).toBe('published');
    await expect
      .poll(() => rows(s.page, 'briefing-list').allTextContents())
      .toEqual([expect.stringContaining('2026 年第 1 期')]);
    await screenshot(s.page, 'office-briefings-1366');
    expectNoErrors(s);
    await s.context.close();

    const phone = await openSession(browser, baseURL, PHONE);
    await login(phone.page, 'office');
    await phone.page.goto('/briefings?q=2026');
    await expect.poll(() => rows(phone.page, 'briefing-list').count()).toBe(2);
    await screenshot(phone.page, 'office-briefings-390');
    expectNoErrors(phone);
    await phone.context.close();
  }, 90_000);

  it('通知：按内容和类别查找，刷新后筛选仍在，全部标为已读只读所查到的', async () => {
    const s = await openSession(browser, baseURL, DESKTOP);
    await login(s.page, 'unit-ga');
    await s.page.goto('/notifications');
    const items = s.page.getByTestId('notification-list').locator(':scope > div');
    // unread by default, as the badge counts them: three orders and three hand-offs
    await expect.poll(() => items.count()).toBe(6);
    await s.page.getByTestId('search-q').fill('校园');
    await pickOption(s.page, 'search-subjectType', '交办单');
    await s.page.getByTestId('search-submit').click();
    await expect.poll(() => items.count()).toBe(1);
    await expect.poll(() => items.textContent()).toContain('第二批校园周边传销宣传排查');
    expect([param(s.page, 'q'), param(s.page, 'subjectType')]).toEqual(['校园', 'work_order']);

    await s.page.reload();
    await expect.poll(() => items.count()).toBe(1);
    await expect.poll(() => s.page.getByTestId('search-bar').textContent()).toContain('交办单');

    await s.page.getByTestId('notification-read-all').click();
    await expect.poll(() => s.page.getByText('没有符合条件的通知').count()).toBe(1);
    const ga = await env.as('unit-ga');
    expect((await ga.get('/api/notifications/unread-count')).json().count).toBe(5);
    // the read one is under 已读, still found by the same search
    await s.page.getByTestId('notification-status').getByText('已读').click();
    await expect.poll(() => items.count()).toBe(1);
    expect(param(s.page, 'status')).toBe('read');

    await s.page.getByTestId('search-reset').click();
    await expect.poll(() => items.count()).toBe(5);
    await screenshot(s.page, 'unit-notifications-1366');
    expectNoErrors(s);
    await s.context.close();

    const phone = await openSession(browser, baseURL, PHONE);
    await login(phone.page, 'unit-ga');
    await phone.page.goto('/notifications?status=all');
    await expect
      .poll(() => phone.page.getByTestId('notification-list').locator(':scope > div').count())
      .toBe(6);
    await screenshot(phone.page, 'unit-notifications-390');
    expectNoErrors(phone);
    await phone.context.close();
  }, 90_000);

  it('账号管理：按电话查找，按单位、角色、状态筛选，编辑电话', async () => {
    const s = await openSession(browser, baseURL, DESKTOP, [/400.*\/api\/users/]);
    await login(s.page, 'admin');
    await s.page.goto('/users');
    await s.page.getByTestId('search-q').fill('137111');
    await s.page.getByTestId('search-submit').click();
    await expect
      .poll(() => rows(s.page, 'user-list').allTextContents())
      .toEqual([expect.stringContaining('13711112222')]);
    await s.page.reload();
    await expect.poll(() => rows(s.page, 'user-list').count()).toBe(1);
    expect(await s.page.getByTestId('search-q').inputValue()).toBe('137111');

    await s.page.getByTestId('search-reset').click();
    await pickOption(s.page, 'search-unitId', '公安');
    await pickOption(s.page, 'search-role', '成员单位');
    await s.page.getByTestId('search-submit').click();
    // the seeded 公安 liaison and the two accounts above
    await expect.poll(() => rows(s.page, 'user-list').count()).toBe(3);
    expect(param(s.page, 'role')).toBe('unit');

    // a wrong number is refused in place, a right one saved and shown
    await s.page.getByTestId('user-ops-ga-li').getByRole('button', { name: '编辑' }).click();
    const dialog = await openedDialog(s.page, '编辑账号：ga-li');
    await dialog.getByLabel('联系电话').fill('6666');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').textContent())
      .toContain('电话号码格式不正确');
    await dialog.getByLabel('联系电话').fill('0755-12345678');
    await dialog.getByRole('button', { name: '保存' }).click();
    const row = rows(s.page, 'user-list').filter({ hasText: 'ga-li' });
    await expect.poll(() => row.textContent()).toContain('0755-12345678');
    expect(await env.sql("SELECT phone FROM users WHERE username = 'ga-li'")).toEqual([
      { phone: '0755-12345678' },
    ]);
    await expectFits(s.page.getByTestId('user-list'));
    await screenshot(s.page, 'admin-users-1366');

    // the one form also opens accounts, phone included
    await s.page.getByTestId('user-create').click();
    const create = await openedDialog(s.page, '新建账号');
    await create.getByLabel('用户名').fill('ga-zhao');
    await create.getByLabel('姓名').fill('赵公安');
    await create.getByLabel('联系电话').fill('13900001111');
    await create.getByLabel('所属单位').fill('公安');
    await chooseOption(s.page, /公安/);
    await create.getByLabel('初始密码').fill('Liaison#2026x');
    await create.getByRole('button', { name: '确认新建' }).click();
    await expect.poll(() => rows(s.page, 'user-list').count()).toBe(4);
    expect(await env.sql("SELECT phone FROM users WHERE username = 'ga-zhao'")).toEqual([
      { phone: '13900001111' },
    ]);
    expectNoErrors(s);
    await s.context.close();

    const phone = await openSession(browser, baseURL, PHONE);
    await login(phone.page, 'admin');
    await phone.page.goto('/users?role=unit&size=10');
    await expect.poll(() => rows(phone.page, 'user-list').count()).toBe(10);
    await screenshot(phone.page, 'admin-users-390');
    expectNoErrors(phone);
    await phone.context.close();
  }, 120_000);
});

describe('the clue list and the hand-off boxes at 1366 × 768', () => {
  it('fit without scrolling sideways, long names wrapped and tags whole', async () => {
    const s = await openSession(browser, baseURL, DESKTOP);
    await login(s.page, 'office');
    for (const status of ['open', 'all']) {
      await s.page.goto(`/clues?status=${status}`);
      await expect.poll(() => rows(s.page, 'clue-list').count()).toBe(3);
      await expectFits(s.page.getByTestId('clue-list'));
      await screenshot(s.page, `office-clues-${status}-1366`);
    }
    await s.page.goto('/handoffs?box=out');
    await expect.poll(() => rows(s.page, 'handoffs-out').count()).toBe(3);
    await expectFits(s.page.getByTestId('handoffs-out'));
    await screenshot(s.page, 'office-handoffs-out-1366');
    expectNoErrors(s);
    await s.context.close();

    const unit = await openSession(browser, baseURL, DESKTOP);
    await login(unit.page, 'unit-ga');
    await unit.page.goto('/handoffs?box=in');
    await expect.poll(() => rows(unit.page, 'handoffs-in').count()).toBe(3);
    await expectFits(unit.page.getByTestId('handoffs-in'));
    // 接收 stays in view in the fixed 操作 column
    const receive = rows(unit.page, 'handoffs-in').first().getByTestId('handoff-action-receive');
    await expect.poll(() => receive.isVisible()).toBe(true);
    await screenshot(unit.page, 'unit-handoffs-in-1366');
    expectNoErrors(unit);
    await unit.context.close();

    const phone = await openSession(browser, baseURL, PHONE);
    await login(phone.page, 'office');
    await phone.page.goto('/clues');
    await expect.poll(() => rows(phone.page, 'clue-list').count()).toBe(3);
    await screenshot(phone.page, 'office-clues-390');
    await phone.page.goto('/handoffs?box=out');
    await expect.poll(() => rows(phone.page, 'handoffs-out').count()).toBe(3);
    await screenshot(phone.page, 'office-handoffs-out-390');
    expectNoErrors(phone);
    await phone.context.close();
  }, 120_000);
});
