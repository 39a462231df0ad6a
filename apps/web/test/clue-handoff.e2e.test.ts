import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEnv } from '../../../test/support/harness.js';
import {
  chooseOption,
  closeStage,
  DESKTOP,
  expectNoErrors,
  login,
  openMenu as menu,
  openedDialog,
  openSession,
  openStage,
  PHONE,
  screenshot,
  type Stage,
} from './support/e2e.js';

let stage: Stage;
let env: TestEnv;
let browser: Browser;
let baseURL: string;

beforeAll(async () => {
  stage = await openStage({ worker: true });
  ({ env, baseURL, browser } = stage);
}, 120_000);

afterAll(() => closeStage(stage ?? {}));

/** A 1×1 PNG: evidence whose type the server recognises by its content. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Each step waits on the API and a refetch; with every test file running at once that can
 * take longer than expect.poll's default second.
 */
const poll = <T>(fn: () => T | Promise<T>, options: { timeout?: number; interval?: number } = {}) =>
  expect.poll(fn, { timeout: 10_000, ...options });
/** The worker routes a new clue within a few seconds; the clue page polls until it has. */
const ROUTED = { timeout: 30_000, interval: 500 };

describe('clues through the web workbench', () => {
  it('office enters an online scheme; it is routed to 市场监管, which receives and answers it; the office sees the answer', async () => {
    // The browser logs the 415 the test provokes by uploading a text file as evidence.
    const office = await openSession(browser, baseURL, DESKTOP, [/status of 415/]);
    // …and the 409 the test provokes by closing the clue before its hand-off is answered.
    const scjg = await openSession(browser, baseURL, DESKTOP, [/status of 409/]);
    const phone = await openSession(browser, baseURL, PHONE);
    const subject = '某某云商网络科技有限公司';

    // 打传办 takes down a hotline report through the form.
    await login(office.page, 'office');
    await menu(office.page, '线索登记');
    await office.page.waitForURL('**/clues/new');
    await office.page.getByTestId('clue-submit').click();
    await poll(() => office.page.getByText('请填写涉嫌主体名称').isVisible()).toBe(true);
    await poll(() => office.page.getByText('请填写线索内容').isVisible()).toBe(true);

    await office.page.getByTestId('clue-category').getByText('网络传销').click();
    await office.page.getByLabel('涉嫌主体名称').fill(subject);
    await office.page.getByLabel('网址 / App 名称').fill('https://www.yunshang-demo.cn/app');
    await office.page.getByLabel('所在乡镇（街道）').fill('城关镇');
    await office.page
      .getByLabel('线索内容')
      .fill(
        '举报人反映：该平台以“消费返利”为名，要求缴纳 3980 元入门费并发展下线，按下线人数提成。',
      );
    await office.page.getByLabel('涉及人数').fill('12');
    await office.page.getByLabel('层级数').fill('2');
    await office.page.getByLabel('涉案金额（元）').fill('47760');
    await office.page.getByLabel('举报人姓名').fill('张某');
    await office.page.getByLabel('联系电话').fill('13800000000');
    await screenshot(office.page, 'office-clue-intake-1366');
    await office.page.getByTestId('clue-submit').click();
    await office.page.waitForURL(/\/clues\/[0-9a-f-]{36}$/);
    const cluePath = new URL(office.page.url()).pathname;
    const detail = office.page.getByTestId('clue-detail');
    await poll(() => detail.getByTestId('clue-subject').textContent()).toBe(subject);
    const serial = (await detail.getByTestId('clue-serial').textContent())!;
    expect(serial).not.toBe('');
    // The office may know who reported it, marked as confidential.
    await poll(() => detail.getByTestId('clue-reporter').textContent()).toContain(
      '张某，电话 13800000000',
    );

    // The worker routes it by the seeded rule for online schemes.
    const handoffRows = detail.getByTestId('clue-handoff-table').locator('tbody tr.ant-table-row');
    await poll(() => handoffRows.count(), ROUTED).toBe(1);
    await poll(() => handoffRows.first().textContent()).toContain('区市场监管分局');
    await poll(() => handoffRows.first().textContent()).toContain('按规则');
    await poll(() =>
      handoffRows.first().getByTestId('handoff-status').getAttribute('data-status'),
    ).toBe('sent');

    // Evidence goes up through the API client and comes back down as a download.
    await detail
      .getByTestId('clue-attachments')
      .locator('input[type=file]')
      .setInputFiles({ name: '举报截图.png', mimeType: 'image/png', buffer: PNG });
    await poll(() => detail.getByTestId('attachment-name').first().textContent()).toBe(
      '举报截图.png',
    );
    const [file] = await Promise.all([
      office.page.waitForEvent('download'),
      detail.getByTestId('attachment-download').first().click(),
    ]);
    expect(file.suggestedFilename()).toBe('举报截图.png');
    await screenshot(office.page, 'office-clue-detail-1366');

    // A file the server does not take is refused with its own explanation.
    await detail
      .getByTestId('clue-attachments')
      .locator('input[type=file]')
      .setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('文字说明') });
    const refusal = office.page.locator('.ant-notification-notice').last();
    await poll(() => refusal.isVisible()).toBe(true);
    await screenshot(office.page, 'office-attachment-refused-1366');
    expect(office.allowed.length).toBe(1);
    expect(await detail.getByTestId('attachment-name').count()).toBe(1);

    // A second report of the same site joins the open clue.
    await menu(office.page, '线索登记');
    await office.page.getByLabel('涉嫌主体名称').fill('云商 App');
    await office.page.getByLabel('网址 / App 名称').fill('yunshang-demo.cn');
    await office.page.getByLabel('线索内容').fill('又有群众来电反映该平台拉人头。');
    await office.page.getByTestId('clue-submit').click();
    await poll(() => office.page.getByTestId('intake-merged').textContent()).toContain(
      `该线索与在办线索 ${serial} 重复，已并入（累计举报 2 次）`,
    );
    await office.page.waitForURL(`**${cluePath}`);
    await poll(() => detail.getByTestId('clue-report-count').textContent()).toBe('2 次');

    // 市场监管 finds it in its hand-off in-box, receives it, and answers.
    await login(scjg.page, 'unit-scjg');
    await menu(scjg.page, '移送件');
    await scjg.page.waitForURL('**/handoffs');
    const inbox = scjg.page.getByTestId('handoffs-in');
    const row = inbox.locator('tbody tr.ant-table-row', { hasText: serial });
    await poll(() => row.count()).toBe(1);
    await poll(() => row.getByTestId('deadline-state').textContent()).toMatch(/剩余|今日/);
    await screenshot(scjg.page, 'unit-handoff-inbox-1366');
    await row.getByTestId('handoff-action-receive').click();
    await poll(() => row.getByTestId('handoff-status').getAttribute('data-status')).toBe(
      'received',
    );

    // Receiving the office's routing makes it the holder, which may close the clue, but not
    // while its own hand-off still waits for the answer: the API says why.
    await scjg.page.goto(cluePath);
    const unitClue = scjg.page.getByTestId('clue-detail');
    await unitClue.getByTestId('clue-close').click();
    let closing = await openedDialog(scjg.page, '办结线索');
    await closing.getByLabel('办结结论').fill('尚未查清。');
    await closing.getByRole('button', { name: '确认办结' }).click();
    const refused = scjg.page.locator('.ant-notification-notice').last();
    await poll(() => refused.textContent()).toContain('还有 1 件移送未反馈，不能办结');
    expect(scjg.allowed.length).toBe(1);
    await closing.getByRole('button', { name: '取消' }).click();
    await poll(() => closing.isVisible()).toBe(false);
    expect(await unitClue.getByTestId('clue-status').getAttribute('data-status')).toBe('open');

    await scjg.page.goto('/handoffs');
    await row.getByTestId('handoff-link').click();
    await scjg.page.waitForURL(/\/handoffs\/[0-9a-f-]{36}$/);
    const handoffPath = new URL(scjg.page.url()).pathname;
    const unitDetail = scjg.page.getByTestId('handoff-detail');
    await unitDetail.getByTestId('handoff-action-answer').click();
    const dialog = await openedDialog(scjg.page, '反馈办理结果');
    await dialog.getByRole('button', { name: '提交反馈' }).click();
    await poll(() => dialog.getByText('请选择办理结果').isVisible()).toBe(true);
    await dialog.getByLabel('办理结果').click();
    await chooseOption(scjg.page, '已处理');
    await dialog
      .getByLabel('办理情况（可选）')
      .fill('已约谈平台负责人，责令停止发展下线，立案调查并冻结账户。');
    await dialog.getByRole('button', { name: '提交反馈' }).click();
    await poll(() =>
      unitDetail.getByTestId('handoff-status').first().getAttribute('data-status'),
    ).toBe('answered');
    await poll(() => unitDetail.getByTestId('handoff-timeline').textContent()).toContain(
      '已约谈平台负责人',
    );
    expect(await unitDetail.getByTestId('handoff-actions').count()).toBe(0);
    await screenshot(scjg.page, 'unit-handoff-answered-1366');

    // The same in-box on a phone.
    await login(phone.page, 'unit-scjg');
    await phone.page.goto('/handoffs');
    await poll(() => phone.page.getByTestId('handoffs-in').textContent()).toContain(serial);
    await screenshot(phone.page, 'unit-handoff-inbox-390');

    // 打传办 sees the answer in its in-box and on the clue.
    await menu(office.page, '移送件');
    await office.page.waitForURL('**/handoffs');
    const answers = office.page
      .getByTestId('handoffs-in')
      .locator('tbody tr.ant-table-row', { hasText: serial });
    await poll(() => answers.count()).toBe(1);
    await poll(() => answers.getByTestId('handoff-outcome').getAttribute('data-outcome')).toBe(
      'handled',
    );
    await screenshot(office.page, 'office-handoff-inbox-1366');
    await office.page.goto(handoffPath);
    await poll(() => office.page.getByTestId('handoff-answer').textContent()).toContain(
      '已约谈平台负责人',
    );
    await office.page.goto(cluePath);
    await poll(() => handoffRows.first().getByTestId('handoff-outcome').textContent()).toBe(
      '已处理',
    );
    expect(await detail.getByTestId('clue-close').count()).toBe(1);

    // With every hand-off answered, 市场监管 (the holder) closes the clue with its conclusion.
    const conclusion = '经查，该平台以消费返利为名发展下线，已立案查处，责令停止经营并冻结账户。';
    await scjg.page.goto(cluePath);
    await unitClue.getByTestId('clue-close').click();
    closing = await openedDialog(scjg.page, '办结线索');
    await closing.getByRole('button', { name: '确认办结' }).click();
    await poll(() => closing.getByText('请填写办结结论').isVisible()).toBe(true);
    await closing.getByLabel('办结结论').fill(conclusion);
    await closing.getByRole('button', { name: '确认办结' }).click();
    await poll(() => unitClue.getByTestId('clue-status').getAttribute('data-status')).toBe(
      'closed',
    );
    await poll(() => unitClue.getByTestId('clue-conclusion').textContent()).toBe(conclusion);
    await poll(() => unitClue.getByTestId('clue-closed-at').textContent()).toMatch(
      /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/,
    );
    expect(await unitClue.getByTestId('clue-close').count()).toBe(0);
    expect(await unitClue.getByTestId('clue-send').count()).toBe(0);
    await screenshot(scjg.page, 'unit-clue-closed-1366');

    // The office finds it among the closed clues, with the conclusion, and on its page.
    await menu(office.page, '线索管理');
    await office.page.waitForURL('**/clues');
    await office.page.getByTestId('clue-filter').getByText('已办结').click();
    const closedRow = office.page
      .getByTestId('clue-list')
      .locator('tbody tr.ant-table-row', { hasText: serial });
    await poll(() => closedRow.count()).toBe(1);
    await poll(() => closedRow.getByTestId('clue-status').textContent()).toBe('已办结');
    await poll(() => closedRow.getByTestId('clue-list-conclusion').textContent()).toBe(conclusion);
    await screenshot(office.page, 'office-clues-closed-1366');
    // A fresh load: the detail this session fetched a moment ago is cached for 15 s.
    await office.page.goto(cluePath);
    await poll(() => detail.getByTestId('clue-status').textContent()).toBe('已办结');
    await poll(() => detail.getByTestId('clue-conclusion').textContent()).toBe(conclusion);
    expect(await detail.getByTestId('clue-close').count()).toBe(0);

    expectNoErrors(office, scjg, phone);
  }, 120_000);

  it('a large scheme is referred to 公安, who refuses; the office asks for reconsideration, 公安 opens a case, and the office hands over the items', async () => {
    const api = await env.as('office');
    const res = await api.post('/api/clues', {
      channel: 'petition',
      subject: { name: '某某健康咨询工作室' },
      township: '河西街道',
      category: 'gathering',
      description: '群众信访反映：某小区聚集 50 余人，层级 4 级以上，以“资本运作”为名集中授课。',
      participants: 55,
      levels: 4,
      amountYuan: 2_800_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    const clue = res.json() as { id: string; serial: string };
    let handoffId = '';
    await poll(async () => {
      const detail = (await api.get(`/api/clues/${clue.id}`)).json();
      handoffId = detail.handoffs[0]?.id ?? '';
      return detail.handoffs[0]?.kind;
    }, ROUTED).toBe('criminal_referral');

    const office = await openSession(browser, baseURL);
    const ga = await openSession(browser, baseURL);
    await login(office.page, 'office');
    await login(ga.page, 'unit-ga');

    // 公安 receives it and refuses: a referral only allows 立案, 不予立案 or 不构成犯罪.
    await ga.page.goto(`/handoffs/${handoffId}`);
    const gaDetail = ga.page.getByTestId('handoff-detail');
    const gaStatus = gaDetail.getByTestId('handoff-status').first();
    await poll(() => gaDetail.getByTestId('handoff-kind').textContent()).toBe('行政→刑事移送');
    await gaDetail.getByTestId('handoff-action-receive').click();
    await poll(() => gaStatus.getAttribute('data-status')).toBe('received');
    await gaDetail.getByTestId('handoff-action-answer').click();
    const answer = ga.page.getByRole('dialog', { name: '反馈办理结果' });
    await answer.getByLabel('办理结果').click();
    const options = ga.page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await poll(() => options.allTextContents()).toEqual(['已立案', '不予立案', '不构成犯罪，退回']);
    await chooseOption(ga.page, '不予立案');
    await answer.getByRole('button', { name: '提交反馈' }).click();
    await poll(() => answer.getByText('请填写理由').isVisible()).toBe(true);
    await answer.getByLabel('理由').fill('现有证据不足以证明存在犯罪事实。');
    await answer.getByRole('button', { name: '提交反馈' }).click();
    await poll(() => gaStatus.getAttribute('data-status')).toBe('answered');

    // The office, which sent it by rule, may contest the refusal.
    await office.page.goto(`/handoffs/${handoffId}`);
    const officeDetail = office.page.getByTestId('handoff-detail');
    const officeStatus = officeDetail.getByTestId('handoff-status').first();
    await poll(() =>
      officeDetail.getByTestId('handoff-outcome').first().getAttribute('data-outcome'),
    ).toBe('refused');
    await poll(() => officeDetail.getByTestId('handoff-actions').textContent()).toBe(
      '提请复议建议检察院立案监督',
    );
    await screenshot(office.page, 'office-referral-refused-1366');
    await officeDetail.getByTestId('handoff-action-reconsider').click();
    const reconsider = office.page.getByRole('dialog', { name: '提请复议' });
    await reconsider
      .getByLabel('复议理由')
      .fill('已查明该窝点参与人员 55 人、层级 4 级，涉案金额 280 万元，达到立案追诉标准。');
    await reconsider.getByRole('button', { name: '提请复议' }).click();
    await poll(() => officeStatus.getAttribute('data-status')).toBe('reconsidering');

    // 公安 decides again and opens a case.
    await ga.page.reload();
    await gaDetail.getByTestId('handoff-action-answer').click();
    const decision = ga.page.getByRole('dialog', { name: '复议决定' });
    await decision.getByLabel('办理结果').click();
    await chooseOption(ga.page, '已立案');
    await decision.getByRole('button', { name: '提交反馈' }).click();
    await poll(() => gaStatus.getAttribute('data-status')).toBe('answered');

    // The office hands the seized items over within three days.
    await office.page.reload();
    await officeDetail.getByTestId('handoff-action-hand_over_items').click();
    const items = office.page.getByRole('dialog', { name: '移交涉案物品' });
    await items.getByLabel('移交清单及说明').fill('账册 3 本、银行卡 12 张、授课资料一宗。');
    await items.getByRole('button', { name: '确认已移交' }).click();
    await poll(() => officeDetail.getByTestId('handoff-actions').count()).toBe(0);
    await poll(() => officeDetail.getByTestId('handoff-timeline').textContent()).toContain(
      '移交涉案物品',
    );
    await poll(() => officeDetail.textContent()).toContain('已于');
    await screenshot(office.page, 'office-referral-items-1366');

    expectNoErrors(office, ga);
  }, 120_000);
});
