import { processDueClocks } from '@lianxi/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskInstants } from '../../../test/support/deadlines.js';
import type { Caller, TestEnv } from '../../../test/support/harness.js';
import { silent } from '../../../test/support/wait.js';
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
let late: string;

async function issue(title: string, unit: string, dueInWorkdays: number) {
  const res = await office.post('/api/work-orders', {
    title,
    body: '请按期办理并反馈。',
    dueInWorkdays,
    assignments: [{ unitId: await env.unitId(unit), role: 'lead' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  const task = res.json().tasks[0].id as string;
  // signed for, so only the due clock climbs the ladder
  await (await env.as(`unit-${unit}`)).post(`/api/tasks/${task}/accept`, {});
  return task;
}

beforeAll(async () => {
  ({ env, baseURL, browser } = await openStage());
  office = await env.as('office');
  late = await issue('清查红星街道出租屋传销窝点（公安牵头）', 'ga', 1);
  await issue('核查校园周边传销宣传', 'jy', 1);
  for (let i = 1; i <= 11; i++) await issue(`第${i}批住建领域排查`, 'zjj', 30 + i);
  await office.post('/api/clues', {
    channel: 'hotline',
    subject: { name: '某某市鑫盛大健康科技发展有限公司红星街道分公司（又名“鑫盛养生会所”）' },
    township: '红星街道',
    category: 'gathering',
    description: '以“消费返利”为名发展下线，层级计酬。',
  });
  const clue = await office.post('/api/clues', {
    channel: 'online',
    subject: { name: '华宇优品网上商城' },
    township: '东风镇',
    category: 'online',
    description: '网上拉人头，入门费 3980 元。',
  });
  await office.post(`/api/clues/${clue.json().id}/handoffs`, {
    toUnitId: await env.unitId('ga'),
    kind: 'criminal_referral',
    reason: '涉嫌组织、领导传销活动罪',
  });
  // both orders due in a workday reach 督办 (orange); the eleven others are on time
  env.clock.passTo((await taskInstants(env, late)).level2At);
  await processDueClocks({ db: env.database.db, clock: env.clock, log: silent });
}, 180_000);

afterAll(() => closeStage({ env, browser }));

const rows = (page: import('playwright-core').Page) =>
  page.getByTestId('task-list').locator('tbody tr.ant-table-row');

describe('finding things in the lists', () => {
  it('filters the task list by unit and colour, keeps it across a reload and back from a task', async () => {
    const s = await openSession(browser, baseURL, DESKTOP);
    await login(s.page, 'office');
    await s.page.goto('/tasks');
    await expect.poll(() => s.page.getByText('共 13 条').count()).toBe(1);
    await pickOption(s.page, 'search-unitId', '公安');
    await pickOption(s.page, 'search-level', '橙色');
    await s.page.getByTestId('search-submit').click();
    await expect.poll(() => rows(s.page).count()).toBe(1);
    await expect.poll(() => rows(s.page).textContent()).toContain('清查红星街道出租屋');
    expect(new URL(s.page.url()).searchParams.get('level')).toBe('2');
    await screenshot(s.page, 'list-tasks-filtered-1366');

    await s.page.reload();
    await expect.poll(() => rows(s.page).count()).toBe(1);
    await expect.poll(() => s.page.getByTestId('search-bar').textContent()).toContain('公安');

    // into the task and back through the breadcrumbs to the same filtered list
    await rows(s.page).getByTestId('task-link').click();
    await s.page.waitForURL(`**/tasks/${late}`);
    await s.page.getByTestId('breadcrumb-list').click();
    await expect.poll(() => new URL(s.page.url()).searchParams.get('level')).toBe('2');
    await expect.poll(() => rows(s.page).count()).toBe(1);

    // 重置 clears the search; the colour alone finds both orange tasks, a shared link too
    await s.page.getByTestId('search-reset').click();
    await expect.poll(() => rows(s.page).count()).toBe(13);
    await s.page.goto('/tasks?level=2');
    await expect.poll(() => rows(s.page).count()).toBe(2);
    await expect
      .poll(() => rows(s.page).allTextContents())
      .toEqual([expect.stringContaining('核查校园周边'), expect.stringContaining('清查红星街道')]);
    expectNoErrors(s);
    await s.context.close();
  }, 90_000);

  it('pages on the server with a small page size', async () => {
    const s = await openSession(browser, baseURL, DESKTOP);
    await login(s.page, 'office');
    await s.page.goto('/tasks?size=10&sort=dueAt');
    await expect.poll(() => rows(s.page).count()).toBe(10);
    await s.page.locator('.ant-pagination-item-2').click();
    await expect.poll(() => rows(s.page).count()).toBe(3);
    expect(new URL(s.page.url()).searchParams.get('page')).toBe('2');
    await expect.poll(() => rows(s.page).last().textContent()).toContain('第11批');
    await screenshot(s.page, 'list-tasks-page2-1366');
    await s.page.goBack();
    await expect.poll(() => rows(s.page).count()).toBe(10);
    expectNoErrors(s);
    await s.context.close();
  }, 60_000);

  it('shows every list at 1366×768 and on a phone', async () => {
    const pages: [string, string, string][] = [
      ['office', '/tasks', 'tasks'],
      ['office', '/work-orders', 'work-orders'],
      ['office', '/clues?status=all', 'clues'],
      ['office', '/handoffs?box=out', 'handoffs'],
      ['supervisor', '/supervision/cases', 'cases'],
      ['unit-ga', '/inbox?tab=doing', 'inbox'],
    ];
    for (const [viewport, suffix] of [
      [DESKTOP, '1366'],
      [PHONE, '390'],
    ] as const) {
      const sessions = new Map<string, Awaited<ReturnType<typeof openSession>>>();
      for (const [user, path, name] of pages) {
        let s = sessions.get(user);
        if (!s) {
          s = await openSession(browser, baseURL, viewport);
          await login(s.page, user);
          sessions.set(user, s);
        }
        await s.page.goto(path);
        await s.page.getByTestId('search-bar').waitFor();
        await expect.poll(() => s.page.getByTestId('loading').count()).toBe(0);
        await screenshot(s.page, `list-${name}-${suffix}`);
      }
      expectNoErrors(...sessions.values());
      for (const s of sessions.values()) await s.context.close();
    }
  }, 240_000);
});
