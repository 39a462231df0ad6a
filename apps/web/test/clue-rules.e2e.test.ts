import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEnv } from '../../../test/support/harness.js';
import {
  chooseOption,
  closeStage,
  expectNoErrors,
  login,
  openMenu as menu,
  openSession,
  openStage,
  screenshot,
  type Stage,
} from './support/e2e.js';

let stage: Stage;
let env: TestEnv;
let browser: Browser;
let baseURL: string;

beforeAll(async () => {
  stage = await openStage();
  ({ env, baseURL, browser } = stage);
}, 120_000);

afterAll(() => closeStage(stage ?? {}));

/** Each step waits on the API and a refetch, slower than a second when every file runs. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

describe('分流规则 and read-only clues', () => {
  it('the office reorders, disables, edits, adds and deletes routing rules; a supervisor only reads clues', async () => {
    const api = await env.as('office');
    const rulesNow = async () =>
      (
        (await api.get('/api/routing-rules')).json().items as { name: string; enabled: boolean }[]
      ).map((r) => `${r.enabled ? '' : '（停用）'}${r.name}`);
    const office = await openSession(browser, baseURL);
    await login(office.page, 'office');
    await menu(office.page, '分流规则');
    await office.page.waitForURL('**/routing-rules');
    const table = office.page.getByTestId('routing-rules');
    const rows = table.locator('tbody tr.ant-table-row');
    const names = () => rows.getByTestId('rule-name').allTextContents();
    await poll(names).toEqual([
      '参与人数 30 人以上且层级 3 级以上：移送公安',
      '涉及学校、学生：分流教育局',
      '网络传销：分流市场监管',
      '其余线索：分流市场监管',
    ]);
    await poll(() => rows.last().textContent()).toContain('无条件（兜底');

    // Order is priority: move the school rule above the police rule and back.
    await rows.nth(1).getByTestId('rule-up').click();
    await poll(names).toEqual([
      '涉及学校、学生：分流教育局',
      '参与人数 30 人以上且层级 3 级以上：移送公安',
      '网络传销：分流市场监管',
      '其余线索：分流市场监管',
    ]);
    expect((await rulesNow())[0]).toBe('涉及学校、学生：分流教育局');
    // Moving changes the order only: the police rule stays a criminal referral.
    await poll(() => rows.nth(1).getByTestId('handoff-kind').textContent()).toBe('行政→刑事移送');
    await rows.first().getByTestId('rule-down').click();
    await poll(names).toEqual([
      '参与人数 30 人以上且层级 3 级以上：移送公安',
      '涉及学校、学生：分流教育局',
      '网络传销：分流市场监管',
      '其余线索：分流市场监管',
    ]);

    const police = (await api.get('/api/routing-rules')).json().items[0];
    expect([police.name, police.kind]).toEqual([
      '参与人数 30 人以上且层级 3 级以上：移送公安',
      'criminal_referral',
    ]);

    // Disabling skips a rule without losing it.
    await rows.nth(1).getByTestId('rule-enabled').click();
    await poll(async () => (await rulesNow())[1]).toBe('（停用）涉及学校、学生：分流教育局');
    await poll(() => rows.nth(1).getByTestId('rule-enabled').getAttribute('aria-checked')).toBe(
      'false',
    );

    // A disabled rule stays disabled when it moves.
    await rows.nth(1).getByTestId('rule-down').click();
    await poll(names).toEqual([
      '参与人数 30 人以上且层级 3 级以上：移送公安',
      '网络传销：分流市场监管',
      '涉及学校、学生：分流教育局',
      '其余线索：分流市场监管',
    ]);
    await poll(rulesNow).toEqual([
      '参与人数 30 人以上且层级 3 级以上：移送公安',
      '网络传销：分流市场监管',
      '（停用）涉及学校、学生：分流教育局',
      '其余线索：分流市场监管',
    ]);
    await rows.nth(2).getByTestId('rule-up').click();
    await poll(async () => (await rulesNow())[1]).toBe('（停用）涉及学校、学生：分流教育局');
    await poll(() => rows.nth(1).getByTestId('rule-name').textContent()).toBe(
      '涉及学校、学生：分流教育局',
    );

    // Editing the conditions: online schemes in 城关镇 only.
    await rows.nth(2).getByTestId('rule-edit').click();
    const edit = office.page.getByRole('dialog', { name: '修改分流规则' });
    await edit.getByLabel('所在乡镇（任一）').fill('城关镇');
    await office.page.keyboard.press('Enter');
    await edit.getByRole('button', { name: '保存' }).click();
    await poll(() => rows.nth(2).textContent()).toContain('乡镇：城关镇');

    // A new rule goes last; an empty form says what is missing first.
    await table.getByTestId('rule-new').click();
    const create = office.page.getByRole('dialog', { name: '新增分流规则' });
    await create.getByRole('button', { name: '保存' }).click();
    await poll(() => create.getByText('请填写规则名称').isVisible()).toBe(true);
    await create.getByLabel('规则名称').fill('涉案金额 100 万元以上：移送公安');
    await create.getByLabel('移送单位').click();
    await create.getByLabel('移送单位').fill('公安');
    await chooseOption(office.page, '区公安分局');
    await create.getByLabel('金额不少于（元）').fill('1000000');
    await create.getByRole('button', { name: '保存' }).click();
    await poll(() => rows.count()).toBe(5);
    await poll(() => rows.last().textContent()).toContain('金额 ≥ 1,000,000 元');
    await screenshot(office.page, 'office-routing-rules-1366');

    await rows.last().getByTestId('rule-delete').click();
    await office.page.locator('.ant-popover:visible').getByRole('button', { name: '删除' }).click();
    await poll(() => rows.count()).toBe(4);
    expect(await rulesNow()).not.toContain('涉案金额 100 万元以上：移送公安');

    // The office hands a clue on by hand from its page in 线索管理.
    const res = await api.post('/api/clues', {
      channel: 'online',
      subject: { name: '某某优品商城' },
      category: 'online',
      description: '网上举报：商城以“代理返佣”名义层层发展会员，涉及在校大学生。',
      reporter: { name: '李某', phone: '0791-8888888' },
    });
    expect(res.statusCode, res.body).toBe(201);
    await menu(office.page, '线索管理');
    await office.page.waitForURL('**/clues');
    await office.page.getByTestId('clue-list').getByRole('link', { name: '某某优品商城' }).click();
    await office.page.waitForURL(/\/clues\/[0-9a-f-]{36}$/);
    const officeClue = office.page.getByTestId('clue-detail');
    await officeClue.getByTestId('clue-send').click();
    const send = office.page.getByRole('dialog', { name: '移送线索' });
    await send.getByLabel('接收单位').click();
    await send.getByLabel('接收单位').fill('教育');
    await chooseOption(office.page, '区教育局');
    await send.getByLabel('移送方式').click();
    await chooseOption(office.page, '移交');
    await send.getByLabel('移送理由').fill('涉及在校大学生，请教育局配合开展警示教育。');
    await send.getByRole('button', { name: '确认移送' }).click();
    const sent = officeClue
      .getByTestId('clue-handoff-table')
      .locator('tbody tr.ant-table-row', { hasText: '区教育局' });
    await poll(() => sent.count()).toBe(1);
    await poll(() => sent.getByTestId('handoff-kind').getAttribute('data-kind')).toBe('transfer');

    // 督查 reads clues but acts on none, and never sees who reported.
    const supervisor = await openSession(browser, baseURL);
    await login(supervisor.page, 'supervisor');
    await menu(supervisor.page, '线索');
    await supervisor.page.waitForURL('**/clues');
    const list = supervisor.page.getByTestId('clue-list');
    await list.getByRole('link', { name: '某某优品商城' }).click();
    await supervisor.page.waitForURL(/\/clues\/[0-9a-f-]{36}$/);
    const detail = supervisor.page.getByTestId('clue-detail');
    await poll(() => detail.getByTestId('clue-reports').textContent()).toContain('代理返佣');
    expect(await detail.getByTestId('clue-reporter').count()).toBe(0);
    expect(await detail.getByTestId('clue-send').count()).toBe(0);
    expect(await detail.getByTestId('attachment-upload-button').count()).toBe(0);
    expect(await supervisor.page.getByRole('menuitem', { name: /线索登记/ }).count()).toBe(0);

    expectNoErrors(office, supervisor);
  }, 120_000);
});
