import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, TestEnv } from '../../../test/support/harness.js';
import {
  closeStage,
  expectNoErrors,
  login,
  openSession,
  openStage,
  PHONE,
  pickOption,
  screenshot,
} from './support/e2e.js';

// Friday 18 September 2026, 15:30 in Beijing: ten workdays from here cross a make-up Sunday,
// 中秋 and 国庆, and end on Friday 9 October.
const FRIDAY = '2026-09-18T15:30:00+08:00';
const DUE_DAY = '2026年10月9日（星期五）';
const DUE_AT = '2026-10-09T15:59:59.999Z';

let env: TestEnv;
let browser: Browser;
let baseURL: string;
let office: Caller;

beforeAll(async () => {
  ({ env, baseURL, browser } = await openStage());
  env.clock.set(FRIDAY);
  office = await env.as('office');
}, 120_000);

afterAll(() => closeStage({ env, browser }));

/** The confirmation once its opening motion has ended (a click during it can be lost). */
async function confirmation(page: Page) {
  const modal = page.locator('.ant-modal-confirm');
  await expect.poll(() => modal.getAttribute('class')).not.toMatch(/-(appear|enter)\b/);
  return modal;
}

async function fillOrder(page: Page, title: string) {
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('交办内容').fill('请公安牵头查处，市场监管配合，按期反馈。');
  await pickOption(page, 'lead-unit', '公安');
  await pickOption(page, 'assist-units', '市场监管');
}

describe('下发交办单 shows the due day before sending', () => {
  it('previews the day on the calendar, asks to confirm, and the order gets that day', async () => {
    const s = await openSession(browser, baseURL);
    const { page } = s;
    await login(page, 'office');
    await page.goto('/work-orders/new');
    const title = '关于查处某商务楼传销窝点的交办单（期限预览）';
    await fillOrder(page, title);

    // the default: five workdays from Friday afternoon, the make-up Sunday counted, the day
    // before 中秋
    const preview = page.getByTestId('due-preview');
    await expect.poll(() => preview.textContent()).toContain('2026年9月24日（星期四）23:59');
    await expect.poll(() => preview.textContent()).toContain('（5 个工作日');

    const limit = page.getByLabel('办理时限（工作日）');
    // too many: the number stays as typed, the field says why, and nothing is sent
    await limit.fill('300');
    await limit.blur();
    await expect
      .poll(() => page.getByText('办理时限须在 0–250 个工作日 之间').isVisible())
      .toBe(true);
    expect(await limit.inputValue()).toBe('300');
    await page.getByTestId('issue-submit').click();
    await expect.poll(() => page.locator('.ant-modal-confirm').count()).toBe(0);
    expect(await limit.inputValue()).toBe('300');

    await limit.fill('10');
    await expect
      .poll(() => page.getByTestId('due-preview-day').textContent())
      .toBe(`${DUE_DAY}23:59`);
    await expect.poll(() => preview.textContent()).toContain('10 个工作日');
    await screenshot(page, 'office-issue-preview-1366');

    await page.getByTestId('issue-submit').click();
    const modal = await confirmation(page);
    const listed = modal.getByTestId('issue-confirmation');
    await expect.poll(() => listed.textContent()).toContain('区公安分局');
    await expect.poll(() => listed.textContent()).toContain('区市场监管分局');
    await expect.poll(() => listed.textContent()).toContain('共 2 个');
    expect(await modal.getByTestId('confirm-due').textContent()).toBe(`${DUE_DAY}（10 个工作日）`);
    await screenshot(page, 'office-issue-confirm-1366');

    // 返回修改 sends nothing
    await modal.getByRole('button', { name: '返回修改' }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm').count()).toBe(0);
    const before = (await office.get('/api/work-orders?offset=0')).json().total as number;

    await page.getByTestId('issue-submit').click();
    await (await confirmation(page)).getByTestId('issue-confirm').click();
    await page.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const order = (await office.get(`/api/work-orders/${id}`)).json();
    expect((await office.get('/api/work-orders?offset=0')).json().total).toBe(before + 1);
    expect(order.title).toBe(title);
    expect(order.dueAt).toBe(DUE_AT);
    expect(order.tasks.map((t: { dueAt: string }) => t.dueAt)).toEqual([DUE_AT, DUE_AT]);

    // the same form on a phone
    const phone = await openSession(browser, baseURL, PHONE);
    await login(phone.page, 'office');
    await phone.page.goto('/work-orders/new');
    await fillOrder(phone.page, '手机上下发');
    await phone.page.getByLabel('办理时限（工作日）').fill('10');
    await expect
      .poll(() => phone.page.getByTestId('due-preview-day').textContent())
      .toBe(`${DUE_DAY}23:59`);
    await screenshot(phone.page, 'office-issue-preview-390');
    await phone.page.getByTestId('issue-submit').click();
    await confirmation(phone.page);
    await screenshot(phone.page, 'office-issue-confirm-390');
    expectNoErrors(s, phone);
  }, 120_000);

  it('the policy and calendar keep a number too large as typed and say why', async () => {
    const s = await openSession(browser, baseURL);
    await login(s.page, 'office');
    await s.page.goto('/policy');
    const sign = s.page.getByLabel('签收时限', { exact: true });
    await sign.fill('100001');
    await sign.blur();
    await expect.poll(() => s.page.getByText('签收时限须在 0–100000 之间').isVisible()).toBe(true);
    expect(await sign.inputValue()).toBe('100001');
    await s.page.getByTestId('policy-save').click();
    expect(await sign.inputValue()).toBe('100001');
    expect((await office.get('/api/policy')).json().version).toBe(1);

    await s.page.goto('/calendar');
    const year = s.page.getByLabel('年份');
    await year.fill('2101');
    await year.blur();
    await expect.poll(() => s.page.getByText('年份须在 2000–2100 之间').isVisible()).toBe(true);
    expect(await year.inputValue()).toBe('2101');
    await screenshot(s.page, 'office-calendar-year-refused-1366');
    expectNoErrors(s);
  }, 60_000);
});

describe('办理记录 and 我的任务', () => {
  it('the record names the person and unit and what an extension decided; the tabs page', async () => {
    const gaId = await env.unitId('ga');
    const ga = await env.as('unit-ga');
    const issue = async (title: string) => {
      const res = await office.post('/api/work-orders', {
        title,
        body: '请按期办理。',
        dueInWorkdays: 5,
        assignments: [{ unitId: gaId, role: 'lead' }],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().tasks[0].id as string;
    };
    const inHand = await issue('排查某小区出租屋（办理中）');
    await ga.post(`/api/tasks/${inHand}/accept`, {});
    const asked = await ga.post(`/api/tasks/${inHand}/extension-requests`, {
      requestedDueAt: '2026-10-13T23:59:59+08:00',
      reason: '涉案人员较多，需延期核查。',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    await office.post(`/api/extension-requests/${asked.json().id}/decision`, {
      approve: true,
      comment: '同意，请抓紧办理。',
    });
    for (let i = 1; i <= 3; i++) await issue(`走访排查第${i}批（待签收）`);

    const s = await openSession(browser, baseURL);
    await login(s.page, 'unit-ga');
    await s.page.goto(`/tasks/${inHand}`);
    const timeline = s.page.getByTestId('task-timeline');
    await expect.poll(() => timeline.textContent()).toContain('公安联络员（区公安分局）');
    await expect.poll(() => timeline.textContent()).toContain('打传办值班员（打传办）');
    const decided = s.page.getByTestId('task-event-decide_extension');
    await expect.poll(() => decided.textContent()).toContain('审批延期');
    await expect
      .poll(() => decided.textContent())
      .toContain('同意延期至 2026年10月13日（星期二）。同意，请抓紧办理。');
    await screenshot(s.page, 'unit-task-history-1366');

    // 我的任务: each tab one request, counted and paged by the server
    await s.page.goto('/inbox');
    const countOf = (tab: string) =>
      s.page.getByTestId(`inbox-tab-${tab}`).locator('.ant-badge-count').getAttribute('title');
    const total = (await ga.get('/api/tasks?offset=0&limit=1')).json().total as number;
    const issued = (await ga.get('/api/tasks?status=issued&offset=0&limit=1')).json().total;
    await expect.poll(() => countOf('issued')).toBe(String(issued));
    await expect.poll(() => countOf('doing')).toBe('1');
    await expect.poll(() => countOf('all')).toBe(String(total));
    await s.page.getByRole('tab', { name: /办理中/ }).click();
    await expect
      .poll(() => s.page.getByTestId('inbox-doing').textContent())
      .toContain('排查某小区出租屋（办理中）');
    await s.page.getByRole('tab', { name: /全部/ }).click();
    const all = s.page.getByTestId('inbox-all');
    await expect.poll(() => all.textContent()).toContain(`共 ${total} 条`);
    await expect.poll(() => all.textContent()).toContain('走访排查第3批（待签收）');
    await screenshot(s.page, 'unit-inbox-tabs-1366');
    // a page of 10 holds ten rows however many there are
    await s.page.goto('/inbox?tab=all&size=10');
    await expect
      .poll(() => all.locator('tbody tr.ant-table-row').count())
      .toBe(Math.min(10, total));

    const phone = await openSession(browser, baseURL, PHONE);
    await login(phone.page, 'unit-ga');
    await phone.page.goto('/inbox?tab=all');
    await expect
      .poll(() => phone.page.getByTestId('inbox-all').textContent())
      .toContain('走访排查');
    await screenshot(phone.page, 'unit-inbox-tabs-390');
    await phone.page.goto(`/tasks/${inHand}`);
    await expect
      .poll(() => phone.page.getByTestId('task-timeline').textContent())
      .toContain('公安联络员（区公安分局）');
    await screenshot(phone.page, 'unit-task-history-390');
    expectNoErrors(s, phone);
  }, 120_000);
});
