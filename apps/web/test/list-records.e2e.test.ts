import { zeroFigures } from '@lianxi/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, TestEnv } from '../../../test/support/harness.js';
import {
  closeStage,
  DESKTOP,
  expectNoErrors,
  login,
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

// Records of last year, so that every month and day is already past whenever this runs.
const YEAR = new Date().getFullYear();
const LAST = YEAR - 1;
const LONG_TITLE = `关于贯彻落实《禁止传销条例》和全省打击传销规范直销工作电视电话会议精神暨部署${LAST}年第四季度集中整治行动的专题会议`;
const ZERO = zeroFigures();

async function ok<T = { id: string }>(res: Promise<{ statusCode: number; body: string }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return JSON.parse(r.body) as T;
}

const meeting = (kind: string, title: string, heldAt: string, place: string) =>
  ok(office.post('/api/meetings', { kind, title, heldAt, place }));

async function letter(unit: string, year: number, title: string) {
  return ok(
    office.post('/api/letters', {
      year,
      unitId: await env.unitId(unit),
      title,
      indicators: [{ kind: 'manual', name: '综合评价', points: 100 }],
    }),
  );
}

async function report(unit: string, month: string, submit: boolean) {
  const unitId = await env.unitId(unit);
  return ok(office.post('/api/stat-reports', { unitId, month, figures: ZERO, submit }));
}

beforeAll(async () => {
  ({ env, baseURL, browser } = await openStage());
  office = await env.as('office');
  const pad = (n: number) => String(n).padStart(2, '0');
  for (let m = 1; m <= 11; m++)
    await meeting(
      'regular',
      `${LAST}年${m}月例会`,
      `${LAST}-${pad(m)}-10T09:00:00+08:00`,
      '区政府三楼会议室',
    );
  await meeting(
    'special',
    '校园防范传销专题会议',
    `${LAST}-09-20T14:30:00+08:00`,
    '区教育局二楼会议室',
  );
  await meeting(
    'special',
    LONG_TITLE,
    `${LAST}-12-18T09:30:00+08:00`,
    '区政府五楼大会议室（行政中心东楼）',
  );
  await meeting(
    'plenary',
    `${YEAR + 1}年第一季度联席会议`,
    `${YEAR + 1}-01-15T09:30:00+08:00`,
    '区政府三楼会议室',
  );

  const ga = await env.as('unit-ga');
  const gaLetter = await letter('ga', YEAR, `${YEAR}年度打击传销工作目标责任书（公安）`);
  const jyLetter = await letter('jy', YEAR, `${YEAR}年度防范传销进校园工作目标责任书`);
  await letter('zjj', YEAR, `${YEAR}年度出租房屋排查工作目标责任书`);
  const oldLetter = await letter('ga', LAST, `${LAST}年度打击传销工作目标责任书（公安）`);
  for (const l of [gaLetter, jyLetter, oldLetter])
    await ok(office.post(`/api/letters/${l.id}/issue`, {}));
  await ok(ga.post(`/api/letters/${gaLetter.id}/sign`, {}));

  const ga10 = await report('ga', `${LAST}-10`, true);
  await report('ga', `${LAST}-11`, true);
  await report('ga', `${LAST}-12`, true);
  const jy11 = await report('jy', `${LAST}-11`, true);
  await report('jy', `${LAST}-12`, false);
  await report('zjj', `${LAST}-12`, true);
  await ok(office.post(`/api/stat-reports/${ga10.id}/approve`, {}));
  await ok(office.post(`/api/stat-reports/${jy11.id}/return`, { reason: '宣传场次与台账不符' }));
}, 180_000);

afterAll(() => closeStage({ env, browser }));

/** Picks a month range in an antd RangePicker's panel, going back a year at a time. */
async function pickMonths(page: Page, picker: Locator, from: string, to: string) {
  await picker.locator('input').first().click();
  const panel = page.locator('.ant-picker-dropdown:visible');
  for (let i = 0; i < 10 && !(await panel.locator(`td[title="${from}"]`).count()); i++)
    await panel.locator('.ant-picker-header-super-prev-btn').first().click();
  await panel.locator(`td[title="${from}"]`).click();
  await panel.locator(`td[title="${to}"]`).click();
  await expect.poll(() => picker.locator('input').last().inputValue()).toBe(to);
}

const rows = (page: Page, list: string) => page.getByTestId(list).locator('tbody tr.ant-table-row');
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

describe('meeting, letter and report lists', () => {
  it('searches meetings by keyword and kind, keeps the search across a reload and back from a meeting', async () => {
    const s = await openSession(browser, baseURL, DESKTOP);
    await login(s.page, 'office');
    await s.page.goto('/meetings');
    await expect.poll(() => s.page.getByText('共 14 条').count()).toBe(1);
    await s.page.getByTestId('search-q').fill('会议室');
    await pickOption(s.page, 'search-kind', '专题会议');
    await s.page.getByTestId('search-submit').click();
    await expect.poll(() => rows(s.page, 'meeting-list').count()).toBe(2);
    expect(param(s.page, 'kind')).toBe('special');
    expect(param(s.page, 'q')).toBe('会议室');

    await s.page.reload();
    await expect.poll(() => rows(s.page, 'meeting-list').count()).toBe(2);
    await expect.poll(() => s.page.getByTestId('search-q').inputValue()).toBe('会议室');
    await expect.poll(() => s.page.getByTestId('search-bar').textContent()).toContain('专题会议');

    await rows(s.page, 'meeting-list').getByText('校园防范传销专题会议').click();
    await s.page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await s.page.getByTestId('breadcrumb-list').click();
    await expect.poll(() => param(s.page, 'kind')).toBe('special');
    await expect.poll(() => rows(s.page, 'meeting-list').count()).toBe(2);

    // 待召开 finds only the meeting planned for next year
    await s.page.getByTestId('search-reset').click();
    await expect.poll(() => s.page.getByText('共 14 条').count()).toBe(1);
    await pickOption(s.page, 'search-status', '待召开');
    await s.page.getByTestId('search-submit').click();
    await expect.poll(() => rows(s.page, 'meeting-list').count()).toBe(1);
    await expect
      .poll(() => rows(s.page, 'meeting-list').getByTestId('meeting-upcoming').count())
      .toBe(1);
    expectNoErrors(s);
    await s.context.close();
  }, 90_000);

  it('pages meetings on the server and sorts them by date', async () => {
    const s = await openSession(browser, baseURL, DESKTOP);
    await login(s.page, 'office');
    await s.page.goto('/meetings?size=10');
    await expect.poll(() => rows(s.page, 'meeting-list').count()).toBe(10);
    await s.page.locator('.ant-pagination-item-2').click();
    await expect.poll(() => rows(s.page, 'meeting-list').count()).toBe(4);
    expect(param(s.page, 'page')).toBe('2');
    await s.page.reload();
    await expect.poll(() => rows(s.page, 'meeting-list').count()).toBe(4);
    // oldest first: the January meeting heads the first page
    await s.page.getByRole('columnheader', { name: '召开时间' }).click();
    await expect.poll(() => param(s.page, 'sort')).toBe('heldAt');
    expect(param(s.page, 'page')).toBeNull();
    await expect
      .poll(() => rows(s.page, 'meeting-list').first().textContent())
      .toContain(`${LAST}年1月例会`);
    expectNoErrors(s);
    await s.context.close();
  }, 60_000);

  it('searches letters by unit and status and leads back to the search from a letter', async () => {
    const s = await openSession(browser, baseURL, DESKTOP);
    await login(s.page, 'office');
    await s.page.goto('/letters');
    await expect.poll(() => rows(s.page, 'letter-list').count()).toBe(4);
    // newest year first by default
    await expect.poll(() => rows(s.page, 'letter-list').last().textContent()).toContain(`${LAST}`);
    await pickOption(s.page, 'search-unitId', '公安');
    await pickOption(s.page, 'search-status', '已下达');
    await s.page.getByTestId('search-submit').click();
    await expect.poll(() => rows(s.page, 'letter-list').count()).toBe(1);
    await expect.poll(() => rows(s.page, 'letter-list').textContent()).toContain(`${LAST}年度`);
    expect(param(s.page, 'status')).toBe('issued');

    await s.page.reload();
    await expect.poll(() => rows(s.page, 'letter-list').count()).toBe(1);
    await expect.poll(() => s.page.getByTestId('search-bar').textContent()).toContain('已下达');
    await rows(s.page, 'letter-list').getByTestId('letter-link').click();
    await s.page.waitForURL(/\/letters\/[0-9a-f-]{36}$/);
    await s.page.getByTestId('breadcrumb-list').click();
    await expect.poll(() => param(s.page, 'status')).toBe('issued');
    await expect.poll(() => rows(s.page, 'letter-list').count()).toBe(1);

    // the unit's name finds the letter whose title does not carry it
    // the bar refills from the URL once 重置 has cleared it: type only after that
    await s.page.getByTestId('search-reset').click();
    await expect.poll(() => rows(s.page, 'letter-list').count()).toBe(4);
    await s.page.getByTestId('search-q').fill('住房');
    await s.page.getByTestId('search-submit').click();
    await expect.poll(() => rows(s.page, 'letter-list').count()).toBe(1);
    await expect.poll(() => rows(s.page, 'letter-list').textContent()).toContain('出租房屋');
    expectNoErrors(s);
    await s.context.close();
  }, 90_000);

  it('searches reports by unit and month range, sorts by month, and a unit finds its returned report', async () => {
    const s = await openSession(browser, baseURL, DESKTOP);
    await login(s.page, 'office');
    await s.page.goto('/stat-reports?status=all');
    await expect.poll(() => rows(s.page, 'review-list').count()).toBe(6);
    await pickOption(s.page, 'search-unitId', '公安');
    const picker = s.page.getByTestId('search-bar').locator('.ant-picker-range');
    await pickMonths(s.page, picker, `${LAST}-11`, `${LAST}-12`);
    await s.page.getByTestId('search-submit').click();
    await expect.poll(() => param(s.page, 'from')).toBe(`${LAST}-11`);
    expect(param(s.page, 'to')).toBe(`${LAST}-12`);
    expect(param(s.page, 'status')).toBe('all');
    await expect.poll(() => rows(s.page, 'review-list').count()).toBe(2);

    await s.page.reload();
    await expect.poll(() => rows(s.page, 'review-list').count()).toBe(2);
    await expect.poll(() => picker.locator('input').first().inputValue()).toBe(`${LAST}-11`);
    // newest month first; a click on 月份 turns it round
    await expect.poll(() => rows(s.page, 'review-list').first().textContent()).toContain('12 月');
    await s.page.getByRole('columnheader', { name: '月份' }).click();
    await expect.poll(() => param(s.page, 'sort')).toBe('month');
    await expect.poll(() => rows(s.page, 'review-list').first().textContent()).toContain('11 月');

    await rows(s.page, 'review-list').first().getByTestId('report-link').click();
    await s.page.waitForURL(/\/stat-reports\/[0-9a-f-]{36}$/);
    await s.page.getByTestId('breadcrumb-list').click();
    await expect.poll(() => param(s.page, 'from')).toBe(`${LAST}-11`);
    await expect.poll(() => rows(s.page, 'review-list').count()).toBe(2);

    // 已退回 is a tab of its own
    await s.page.getByTestId('search-reset').click();
    await expect.poll(() => rows(s.page, 'review-list').count()).toBe(6);
    await s.page.getByTestId('report-filter').getByText('已退回').click();
    await expect.poll(() => rows(s.page, 'review-list').count()).toBe(1);
    await expect.poll(() => rows(s.page, 'review-list').textContent()).toContain('教育');

    const jy = await openSession(browser, baseURL, DESKTOP);
    await login(jy.page, 'unit-jy');
    await jy.page.goto('/stat-reports');
    await expect.poll(() => rows(jy.page, 'my-reports').count()).toBe(2);
    await pickOption(jy.page, 'search-status', '已退回');
    await jy.page.getByTestId('search-submit').click();
    await expect.poll(() => rows(jy.page, 'my-reports').count()).toBe(1);
    await expect
      .poll(() => rows(jy.page, 'my-reports').getByTestId('report-returned').count())
      .toBe(1);
    expectNoErrors(s, jy);
    await s.context.close();
    await jy.context.close();
  }, 120_000);

  it('shows the three lists at 1366×768 and on a phone', async () => {
    const pages: [string, string, string][] = [
      ['/meetings', 'meetings', 'meeting-list'],
      ['/letters', 'letters', 'letter-list'],
      ['/stat-reports?status=all', 'stat-reports', 'review-list'],
    ];
    for (const [viewport, suffix] of [
      [DESKTOP, '1366'],
      [PHONE, '390'],
    ] as const) {
      const s = await openSession(browser, baseURL, viewport);
      await login(s.page, 'office');
      for (const [path, name, list] of pages) {
        await s.page.goto(path);
        await s.page.getByTestId('search-bar').waitFor();
        await expect.poll(() => rows(s.page, list).count()).toBeGreaterThan(0);
        await expect.poll(() => s.page.getByTestId('loading').count()).toBe(0);
        const table = s.page
          .getByTestId(list)
          .locator('.ant-table-content, .ant-table-body')
          .first();
        const overflow = await table.evaluate((el) => el.scrollWidth - el.clientWidth);
        const bar = await s.page.getByTestId('search-bar').evaluate((el) => {
          const tops = [...el.children].map((c) => c.getBoundingClientRect().top);
          return { rows: new Set(tops).size, right: el.getBoundingClientRect().right };
        });
        if (suffix === '1366') {
          // every column, 操作 included, is on screen without a sideways scroll
          expect({ name, overflow }).toEqual({ name, overflow: 0 });
        } else {
          expect(bar.rows, name).toBeGreaterThan(1);
          expect(bar.right, name).toBeLessThanOrEqual(PHONE.width);
        }
        await screenshot(s.page, `list-${name}-${suffix}`);
      }
      if (suffix === '390') {
        // the long meeting title keeps to one line and ends in an ellipsis
        await s.page.goto('/meetings?q=' + encodeURIComponent('禁止传销条例'));
        const title = s.page
          .getByTestId('meeting-list')
          .locator('.ant-typography-ellipsis', { has: s.page.getByTestId('meeting-link') });
        await expect.poll(() => title.count()).toBe(1);
        const cut = await title.evaluate((el) => ({
          clipped: el.scrollWidth > el.clientWidth,
          height: el.getBoundingClientRect().height,
        }));
        expect(cut.clipped).toBe(true);
        expect(cut.height).toBeLessThan(40);
      }
      expectNoErrors(s);
      await s.context.close();
    }
  }, 180_000);
});
