import { processDueClocks } from '@lianxi/core';
import type { Browser, Page } from 'playwright-core';
import { zeroFigures } from '@lianxi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskInstants } from '../../../test/support/deadlines.js';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';
import { silent } from '../../../test/support/wait.js';
import {
  DESKTOP,
  ensureWebBuilt,
  expectNoErrors,
  launchBrowser,
  listen,
  login,
  openSession,
  PHONE,
  screenshot,
} from './support/e2e.js';

// A Wednesday morning in Beijing: the orders' sign-for and due days are plain workdays.
const NOW = '2026-03-04T09:00:00+08:00';
const ISSUER = '临江区打击传销联席会议办公室';
const PERIOD = 'from=2026-01&to=2026-03';

let env: TestEnv;
let browser: Browser;
let baseURL: string;
let office: Caller;
let gaId: string;
let briefingId: string;

const ZERO = zeroFigures();

async function approvedReport(month: string, figures: Record<string, number>) {
  const ga = await env.as('unit-ga');
  const filed = await ga.post('/api/stat-reports', { month, figures: { ...ZERO, ...figures } });
  expect(filed.statusCode, filed.body).toBe(201);
  await ga.post(`/api/stat-reports/${filed.json().id}/submit`);
  await office.post(`/api/stat-reports/${filed.json().id}/approve`);
}

async function issue(title: string, unit: string, dueInWorkdays: number, sign: boolean) {
  const res = await office.post('/api/work-orders', {
    title,
    body: '请按期办理并反馈。',
    dueInWorkdays,
    assignments: [{ unitId: await env.unitId(unit), role: 'lead' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const task = res.json().tasks[0].id as string;
  if (sign) await (await env.as(`unit-${unit}`)).post(`/api/tasks/${task}/accept`, {});
  return task;
}

beforeAll(async () => {
  await ensureWebBuilt();
  env = await createTestEnv({ sessionMaxHours: 24 * 365 }, { now: NOW });
  baseURL = await listen(env);
  browser = await launchBrowser();
  // a conference of another name: the briefing must name it, not the seeded 某区
  await env.sql(`UPDATE conferences SET name = '临江区打击传销联席会议'`);
  office = await env.as('office');
  gaId = await env.unitId('ga');
  // 公安 signs for both at once and lets one run late; 教育局 never signs for its task
  const late = await issue('清查红星街道出租屋传销窝点', 'ga', 1, true);
  await issue('公安按期事项', 'ga', 30, true);
  await issue('核查校园周边传销宣传', 'jy', 20, false);
  await approvedReport('2026-01', { densRaided: 2, criminalCasesOpened: 1, policeAlerts: 9 });
  await approvedReport('2026-02', { densRaided: 5, criminalCasesOpened: 3, policeAlerts: 4 });
  await office.post('/api/clues', {
    channel: 'hotline',
    subject: { name: '鑫盛养生会所' },
    category: 'gathering',
    description: '以“消费返利”为名发展下线，层级计酬。',
  });
  const briefing = await office.post('/api/briefings', { from: '2026-02-01', to: '2026-02-28' });
  expect(briefing.statusCode, briefing.body).toBe(201);
  briefingId = briefing.json().id;
  env.clock.passTo((await taskInstants(env, late)).level2At);
  await processDueClocks({ db: env.database.db, clock: env.clock, log: silent });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

async function showData(page: Page, chart: string) {
  await page.getByTestId(`${chart}-view`).getByText('数据', { exact: true }).click();
  return page.getByTestId(`${chart}-data`);
}

describe('the dashboards as charts', () => {
  it('the leader sees rates and trends as charts, opens the numbers behind them and a unit’s tasks', async () => {
    const s = await openSession(browser, baseURL, DESKTOP);
    await login(s.page, 'leader');
    await s.page.goto(`/leader?${PERIOD}`);
    const rates = s.page.getByTestId('chart-rates');
    // a row per unit with tasks to answer for: 公安 (2/2) and 教育局 (0/1, a bar of no length)
    const drawn = rates.locator('.recharts-wrapper');
    await poll(() => drawn.textContent()).toMatch(/区公安分局.*区教育局/);
    await poll(() => rates.locator('.recharts-bar-rectangle').count()).toBe(1);
    await poll(() => rates.textContent()).toContain('签收及时率（全部 66.7%）');
    const escalations = s.page.getByTestId('chart-escalations');
    await poll(() => escalations.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await poll(() => s.page.getByTestId('chart-figures').locator('.recharts-line').count()).toBe(5);
    await screenshot(s.page, 'dashboard-charts-leader-1366');

    // the numbers behind the rates: each unit's counts, and the conference's summed
    const rateData = await showData(s.page, 'chart-rates');
    const gaRow = rateData.locator('tbody tr', { hasText: '区公安分局' });
    await poll(() => gaRow.textContent()).toContain('100.0% (2/2)');
    await poll(() => gaRow.textContent()).toContain('50.0% (1/2)');
    await poll(() => rateData.locator('.ant-table-summary').textContent()).toContain('66.7% (2/3)');
    // the month's escalations: two 催办 (unsigned, late) and one 督办
    const escalationData = await showData(s.page, 'chart-escalations');
    const march = escalationData.locator('tbody tr', { hasText: '2026-03' });
    await poll(() => march.locator('td').allTextContents()).toEqual([
      '2026-03',
      expect.stringMatching(/^2/),
      expect.stringMatching(/^1/),
      expect.stringMatching(/^0/),
    ]);
    // figures month on month: 捣毁窝点 2 → 5
    const figureData = await showData(s.page, 'chart-figures');
    await poll(() =>
      figureData.locator('tbody tr', { hasText: '2026-02' }).textContent(),
    ).toContain('环比 +3（+150%）');
    await screenshot(s.page, 'dashboard-charts-data-1366');

    // back to the picture; a unit's bar opens its tasks of the period
    await s.page.getByTestId('chart-rates-view').getByText('图表', { exact: true }).click();
    await rates.locator('.recharts-bar-rectangle').first().click();
    await s.page.waitForURL('**/tasks?**');
    const url = new URL(s.page.url());
    expect(url.searchParams.get('unitId')).toBe(gaId);
    expect(url.searchParams.get('issuedFrom')).toBe('2026-01-01');
    await poll(() =>
      s.page.getByTestId('task-list').locator('tbody tr.ant-table-row').count(),
    ).toBe(2);
    expectNoErrors(s);
    await s.context.close();
  }, 120_000);

  it('fits a phone, on the office dashboard too', async () => {
    const phone = await openSession(browser, baseURL, PHONE);
    await login(phone.page, 'leader');
    await phone.page.goto(`/leader?${PERIOD}`);
    await poll(() =>
      phone.page.getByTestId('chart-rates').locator('.recharts-bar-rectangle').count(),
    ).toBe(1);
    await screenshot(phone.page, 'dashboard-charts-leader-390');
    const office = await openSession(browser, baseURL, DESKTOP);
    await login(office.page, 'office');
    await office.page.goto(`/dashboard?${PERIOD}`);
    await poll(() =>
      office.page.getByTestId('chart-clue-channels').locator('.recharts-wrapper').count(),
    ).toBe(1);
    await poll(() => office.page.getByTestId('chart-rates').textContent()).toContain('66.7%');
    await screenshot(office.page, 'dashboard-charts-office-1366');
    expectNoErrors(phone, office);
    await phone.context.close();
    await office.context.close();
  }, 120_000);

  it("prints the briefing under the conference's own issuer, with dens 捣毁", async () => {
    const s = await openSession(browser, baseURL, DESKTOP);
    await login(s.page, 'office');
    await s.page.goto(`/briefings/${briefingId}`);
    const preview = s.page.getByTestId('briefing-preview');
    await poll(() => preview.locator('[data-block=issuer]').textContent()).toBe(
      `${ISSUER} 2026 年 3 月 4 日`,
    );
    await poll(() => preview.locator('[data-block=imprint]').textContent()).toBe(
      `${ISSUER} 2026 年 3 月 4 日印发`,
    );
    await poll(() => preview.textContent()).toContain('捣毁传销窝点 5 个');
    expect(await preview.textContent()).not.toContain('某区');
    expect(await preview.textContent()).not.toContain('端除');
    // the printable page the 打印 button opens, as the API serves it
    const html = (await office.get(`/api/briefings/${briefingId}/html`)).body;
    expect(html).toContain(ISSUER);
    expect(html).toContain('捣毁传销窝点 5 个');
    await screenshot(s.page, 'dashboard-briefing-issuer-1366');
    expectNoErrors(s);
    await s.context.close();
  }, 90_000);
});
