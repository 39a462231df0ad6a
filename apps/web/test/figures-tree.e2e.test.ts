import { hashPassword } from '@lianxi/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeStage,
  expectNoErrors,
  login,
  openSession,
  openStage,
  PASSWORD,
  type Stage,
} from './support/e2e.js';

let stage: Stage;
let browser: Browser;
let baseURL: string;

beforeAll(async () => {
  stage = await openStage();
  ({ baseURL, browser } = stage);
}, 120_000);

afterAll(() => closeStage(stage ?? {}));

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

/** The month a unit reports on now (the one before this one, in Beijing). */
function reportingMonth(): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    .format(new Date())
    .split('-')
    .map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const ZERO = Object.fromEntries(
  [
    'operations',
    'staffDeployed',
    'premisesChecked',
    'densRaided',
    'peopleRescued',
    'peopleRepatriated',
    'casesReferredToPolice',
    'criminalCasesOpened',
    'criminalDetentions',
    'arrests',
    'prosecutions',
    'adminCases',
    'adminDetentions',
    'finesYuan',
    'publicityEvents',
    'policeAlerts',
    'pyramidFreeCommunities',
  ].map((k) => [k, 0]),
);

describe('统计汇总 over the districts', () => {
  it('the city office ticks 含下级联席会议 and sees the sum and each district', async () => {
    const { env } = stage;
    const month = reportingMonth();
    // a city opened by hand above two districts it opens through the API
    await env.sql(
      `WITH c AS (INSERT INTO conferences (jurisdiction_id, name, serial_prefix)
                  SELECT id, '某市打击传销联席会议', '市打传交' FROM jurisdictions WHERE code = '360100'
                  RETURNING id)
       INSERT INTO users (conference_id, username, display_name, role, password_hash, must_change_password)
       SELECT id, x.username, x.username, x.role::user_role, $1, false
         FROM c, (VALUES ('tree-city-admin', 'admin'), ('tree-city-office', 'office')) AS x(username, role)`,
      [await hashPassword(PASSWORD)],
    );
    const cityAdmin = await env.as('tree-city-admin', PASSWORD);
    for (const [code, name, operations] of [
      ['360102', '东湖区', 7],
      ['360103', '西湖区', 5],
    ] as const) {
      const res = await cityAdmin.post('/api/conferences', {
        jurisdiction: { code, name },
        name: `${name}打击传销联席会议`,
        serialPrefix: `${name.slice(0, 2)}打传交`,
        template: true,
        admin: { username: `tree-${code}-admin` },
        office: { username: `tree-${code}-office` },
      });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json() as {
        conference: { id: string };
        accounts: { role: string; password: string }[];
      };
      const office = await env.as(
        `tree-${code}-office`,
        created.accounts.find((a) => a.role === 'office')!.password,
      );
      const [ga] = await env.sql<{ id: string }>(
        "SELECT id FROM units WHERE conference_id = $1 AND code = 'ga'",
        [created.conference.id],
      );
      const filed = await office.post('/api/stat-reports', {
        unitId: ga.id,
        month,
        figures: { ...ZERO, operations },
        submit: true,
      });
      expect(filed.statusCode, filed.body).toBe(201);
      expect((await office.post(`/api/stat-reports/${filed.json().id}/approve`)).statusCode).toBe(
        200,
      );
    }

    const city = await openSession(browser, baseURL);
    await login(city.page, 'tree-city-office');
    await city.page.goto(`/stats?from=${month}&to=${month}`);
    const cards = city.page.getByTestId('summary-cards');
    // its own units reported nothing
    await poll(() => cards.getByTestId('summary-operations').textContent()).toContain('0');
    await city.page.getByTestId('summary-tree').click();
    await poll(() => city.page.url()).toContain('scope=tree');
    await poll(() => cards.getByTestId('summary-operations').textContent()).toContain('12');
    const table = city.page.getByTestId('summary-conferences');
    await poll(() => table.locator('tbody tr', { hasText: '东湖区' }).textContent()).toContain('7');
    await poll(() => table.locator('tbody tr', { hasText: '西湖区' }).textContent()).toContain('5');
    await poll(() => table.locator('.ant-table-summary').textContent()).toContain('12');
    await poll(() => city.page.getByTestId('alert-trend').textContent()).toContain('全市');

    // the seeded district has nothing below it: no such box
    const district = await openSession(browser, baseURL);
    await login(district.page, 'office');
    await district.page.goto(`/stats?from=${month}&to=${month}`);
    await district.page.getByTestId('summary-cards').waitFor();
    expect(await district.page.getByTestId('summary-tree').count()).toBe(0);
    expectNoErrors(city, district);
  });
});
