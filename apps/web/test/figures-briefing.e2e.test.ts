import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeStage,
  expectNoErrors,
  login,
  openedDialog,
  openSession,
  openStage,
  PHONE,
  screenshot,
  type Stage,
  openGrouped,
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
function reportingMonth(): { key: string; label: string } {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    .format(new Date())
    .split('-')
    .map(Number);
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  return {
    key: `${year}-${String(month).padStart(2, '0')}`,
    label: `${year} 年 ${month} 月`,
  };
}

/** A downloaded file: a zip (.docx, .xlsx) with something in it. */
async function expectZip(file: Download, name: string | RegExp) {
  expect(file.suggestedFilename()).toMatch(name);
  // the browser is shared and reached over a socket: its download is copied here to be read
  const local = join(mkdtempSync(join(tmpdir(), 'lianxi-download-')), file.suggestedFilename());
  await file.saveAs(local);
  const bytes = readFileSync(local);
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
}

const FIGURES: Record<string, number> = {
  operations: 3,
  staffDeployed: 46,
  premisesChecked: 12,
  densRaided: 2,
  peopleRescued: 15,
  peopleRepatriated: 9,
  criminalDetentions: 4,
  adminDetentions: 2,
  adminCases: 3,
  prosecutions: 1,
  policeAlerts: 5,
};

describe('monthly figures and the work briefing through the web workbench', () => {
  it('公安 files and submits a month; the office approves it, sees it summed up, and publishes a briefing with it', async () => {
    const ga = await openSession(browser, baseURL);
    const office = await openSession(browser, baseURL);
    const phone = await openSession(browser, baseURL, PHONE);
    const month = reportingMonth();

    // 公安 fills in last month's figures and submits them.
    await login(ga.page, 'unit-ga');
    await openGrouped(ga.page, '统计简报', '月报填报');
    await ga.page.waitForURL('**/stat-reports');
    await poll(() => ga.page.getByTestId('report-due').textContent()).toContain(
      `${month.label}统计报表尚未填报`,
    );
    await ga.page.getByTestId('report-new').click();
    await ga.page.waitForURL('**/stat-reports/new');
    const form = ga.page.getByTestId('report-form');
    await poll(() => form.getByLabel('月份').inputValue()).toBe(month.key);
    // Blank is not zero: the form asks for every figure.
    await form.getByTestId('report-submit').click();
    await poll(() => form.getByText('请填写（没有请填 0）').first().isVisible()).toBe(true);
    for (const [key, value] of Object.entries(FIGURES))
      await form.getByTestId(`figure-${key}`).fill(String(value));
    await form.getByTestId('fill-zeros').click();
    await poll(() => form.getByTestId('figure-arrests').inputValue()).toBe('0');
    await screenshot(ga.page, 'unit-report-form-1366');
    await form.getByTestId('report-submit').click();
    await ga.page.waitForURL(/\/stat-reports\/[0-9a-f-]{36}$/);
    const reportPath = new URL(ga.page.url()).pathname;
    const gaReport = ga.page.getByTestId('report-detail');
    const gaStatus = gaReport.getByTestId('report-status');
    await poll(() => gaStatus.getAttribute('data-status')).toBe('submitted');
    await poll(() => gaReport.getByTestId('figures-view').textContent()).toContain(
      '捣毁窝点（个）2',
    );

    // 打传办 finds it waiting for review and approves it.
    await login(office.page, 'office');
    await openGrouped(office.page, '统计简报', '报表审核');
    await office.page.waitForURL('**/stat-reports');
    const pending = office.page
      .getByTestId('review-list')
      .locator('tbody tr.ant-table-row', { hasText: '区公安分局' });
    await poll(() => pending.count()).toBe(1);
    await poll(() => pending.textContent()).toContain(month.label);
    await screenshot(office.page, 'office-report-review-1366');

    // The office first sends it back with a reason, which the unit reads where it corrects.
    const returnReason = '捣毁窝点数与案件台账不符，请核对。';
    await pending.getByTestId('report-action-return').click();
    const returning = await openedDialog(office.page, '退回修改');
    await returning.getByLabel('退回理由').fill(returnReason);
    await returning.getByRole('button', { name: '退回' }).click();
    await poll(() => pending.count()).toBe(0);
    await office.page.getByTestId('report-filter').getByText('草稿').click();
    await poll(() => pending.getByTestId('report-returned').count()).toBe(1);
    await ga.page.reload();
    await poll(() => gaStatus.getAttribute('data-status')).toBe('draft');
    await poll(() => gaReport.getByTestId('report-return-reason').textContent()).toBe(
      `退回原因：${returnReason}`,
    );
    await gaReport.getByTestId('report-edit').click();
    await poll(() => form.getByTestId('report-return-reason').textContent()).toBe(
      `退回原因：${returnReason}`,
    );
    await screenshot(ga.page, 'unit-report-returned-1366');
    await form.getByTestId('report-submit').click();
    await ga.page.waitForURL(`**${reportPath}`);
    await poll(() => gaStatus.getAttribute('data-status')).toBe('submitted');
    expect(await gaReport.getByTestId('report-return-reason').count()).toBe(0);
    await office.page.getByTestId('report-filter').getByText('待审核').click();
    // That list was fetched (empty) before the unit submitted again: load it afresh.
    await office.page.reload();
    await poll(() => pending.getByTestId('report-status').getAttribute('data-status')).toBe(
      'submitted',
    );
    expect(await pending.getByTestId('report-returned').count()).toBe(0);
    await pending.getByTestId('report-action-approve').click();
    await poll(() => pending.count()).toBe(0);
    await office.page.getByTestId('report-filter').getByText('已审核').click();
    await poll(() => pending.count()).toBe(1);
    await poll(() => pending.getByTestId('report-status').getAttribute('data-status')).toBe(
      'approved',
    );

    // 统计汇总 shows the approved figures.
    await openGrouped(office.page, '统计简报', '统计汇总');
    await office.page.waitForURL('**/stats');
    const cards = office.page.getByTestId('summary-cards');
    await poll(() => cards.getByTestId('summary-operations').textContent()).toContain('3');
    await poll(() => cards.getByTestId('summary-rescued').textContent()).toContain('24');
    await poll(() => cards.getByTestId('summary-policeAlerts').textContent()).toContain('5');
    // One month of figures: the sentence names it once.
    await poll(() => office.page.getByTestId('alert-trend').textContent()).toBe(
      `${month.label}全区传销警情 5 件。`,
    );
    const bars = office.page.getByTestId('chart-months');
    await poll(() =>
      bars
        .locator(`g[data-month="${month.key}"] rect[data-series="policeAlerts"]`)
        .getAttribute('data-value'),
    ).toBe('5');
    const table = office.page.getByTestId('summary-table');
    await poll(() => table.locator('tbody tr', { hasText: month.label }).textContent()).toContain(
      '46',
    );
    await screenshot(office.page, 'office-stats-summary-1366');
    await office.page.getByTestId('summary-group').getByText('按单位', { exact: true }).click();
    await poll(() => table.locator('tbody tr', { hasText: '区公安分局' }).count()).toBe(1);

    // 工作简报: composed for last month, the headline edited, published, downloaded.
    await openGrouped(office.page, '统计简报', '工作简报');
    await office.page.waitForURL('**/briefings');
    await office.page.getByTestId('briefing-new').click();
    const compose = await openedDialog(office.page, '生成简报');
    await compose.getByRole('button', { name: '生成草稿' }).click();
    await office.page.waitForURL(/\/briefings\/[0-9a-f-]{36}$/);
    const briefingPath = new URL(office.page.url()).pathname;
    const preview = office.page.getByTestId('briefing-preview');
    await poll(() => preview.locator('[data-block=masthead]').textContent()).toBe(
      '打击传销工作简报',
    );
    await poll(() => preview.locator('[data-block=issue]').textContent()).toBe('第 1 期');
    await poll(() => preview.textContent()).toContain('开展整治打击 3 次');
    await poll(() => preview.textContent()).toContain('解救遣返传销参与人员 24 名');
    const headline = '十月份全区打击传销工作情况';
    await office.page.getByTestId('section-headline').fill(headline);
    await poll(() => preview.locator('[data-block=headline]').textContent()).toBe(headline);
    await screenshot(office.page, 'office-briefing-editor-1366');
    await office.page.getByTestId('briefing-publish').click();
    await office.page.locator('.ant-popconfirm').getByRole('button', { name: '印发' }).click();
    const status = office.page.getByTestId('briefing-detail').getByTestId('briefing-status');
    await poll(() => status.getAttribute('data-status')).toBe('published');
    await poll(() => office.page.getByTestId('briefing-editor').count()).toBe(0);
    await poll(() => preview.locator('[data-block=headline]').textContent()).toBe(headline);
    await poll(() => preview.textContent()).toContain('开展整治打击 3 次');
    const [docx] = await Promise.all([
      office.page.waitForEvent('download'),
      office.page.getByTestId('briefing-docx').click(),
    ]);
    await expectZip(docx, /^打击传销工作简报\d{4}年第1期\.docx$/);
    await screenshot(office.page, 'office-briefing-published-1366');

    // The task and clue ledgers export as spreadsheets.
    await office.page.goto('/tasks');
    const [tasks] = await Promise.all([
      office.page.waitForEvent('download'),
      office.page.getByTestId('tasks-export').click(),
    ]);
    await expectZip(tasks, '任务台账.xlsx');
    await office.page.goto('/clues');
    const [clues] = await Promise.all([
      office.page.waitForEvent('download'),
      office.page.getByTestId('clues-export').click(),
    ]);
    await expectZip(clues, '线索台账.xlsx');

    // 公安 reads the published issue on a phone.
    await login(phone.page, 'unit-ga');
    await phone.page.goto('/briefings');
    await poll(() => phone.page.getByTestId('briefing-list').textContent()).toContain(headline);
    await phone.page.goto(briefingPath);
    await poll(() => phone.page.getByTestId('briefing-preview').textContent()).toContain(headline);
    expect(await phone.page.getByTestId('briefing-editor').count()).toBe(0);
    await screenshot(phone.page, 'unit-briefing-390');

    // 公安 corrects the approved month: a reason is required and the history keeps both.
    await ga.page.goto(reportPath);
    await poll(() => gaStatus.getAttribute('data-status')).toBe('approved');
    await gaReport.getByTestId('report-edit').click();
    await ga.page.waitForURL(`**${reportPath}/edit`);
    await form.getByTestId('figure-densRaided').fill('3');
    await form.getByTestId('report-submit').click();
    await poll(() => form.getByText('请填写更正理由').isVisible()).toBe(true);
    await form.getByTestId('report-reason').fill('补报月底查获窝点 1 个');
    await form.getByTestId('report-submit').click();
    await ga.page.waitForURL(`**${reportPath}`);
    await poll(() => gaStatus.getAttribute('data-status')).toBe('submitted');
    const history = ga.page.getByTestId('report-revisions');
    await poll(() => history.textContent()).toContain('补报月底查获窝点 1 个');
    await poll(() => history.textContent()).toContain('捣毁窝点（个） 2 → 3');
    await screenshot(ga.page, 'unit-report-corrected-1366');

    expectNoErrors(ga, office, phone);
  }, 180_000);
});
