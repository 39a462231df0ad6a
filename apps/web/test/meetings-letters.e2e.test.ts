import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseOption,
  closeStage,
  expectNoErrors,
  login,
  openSession,
  openStage,
  PHONE,
  pickOption,
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

const YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
    new Date(),
  ),
);

describe('meetings and responsibility letters through the web workbench', () => {
  it('the office records a meeting and issues its resolution; drafts, issues and assesses a letter that 公安 signs', async () => {
    const office = await openSession(browser, baseURL);
    const ga = await openSession(browser, baseURL);
    const phone = await openSession(browser, baseURL, PHONE);
    const title = `${YEAR} 年第四季度打击传销联席会议`;
    const resolution = '由公安分局牵头，于年底前开展一次聚集型传销窝点集中清查行动。';

    // 打传办 records the meeting with its attendees and minutes.
    await login(office.page, 'office');
    await openGrouped(office.page, '会议考核', '会议');
    await office.page.waitForURL('**/meetings');
    await poll(() => office.page.getByTestId('meeting-list').isVisible()).toBe(true);
    await office.page.getByTestId('meeting-new').click();
    await office.page.waitForURL('**/meetings/new');
    const form = office.page.getByTestId('meeting-form');
    await form.getByText('全体会议').click();
    await form.getByLabel('会议名称').fill(title);
    await form.getByLabel('地点').fill('区政府三楼会议室');
    await form.getByLabel('主持人').fill('王副区长');
    await form.getByTestId('attendee-add').click();
    await form.getByTestId('attendee-add').click();
    await pickOption(office.page, 'attendee-unit-0', '公安');
    await form.getByTestId('attendee-name-0').fill('张建国');
    await form.getByTestId('attendee-title-0').fill('副局长');
    await form.getByTestId('attendee-name-1').fill('李明');
    await form.getByTestId('attendee-title-1').fill('区委常委');
    await form
      .getByLabel('会议纪要')
      .fill('会议通报了前三季度全区打击传销工作情况，研究部署第四季度集中整治行动。');
    await screenshot(office.page, 'office-meeting-form-1366');
    await form.getByTestId('meeting-submit').click();
    await office.page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingPath = new URL(office.page.url()).pathname;
    const detail = office.page.getByTestId('meeting-detail');
    await poll(() => detail.getByTestId('meeting-title').textContent()).toBe(title);
    await poll(() => detail.getByTestId('meeting-attendees').textContent()).toContain(
      '区公安分局 张建国（副局长）',
    );
    await poll(() => detail.getByTestId('meeting-attendees').textContent()).toContain(
      '李明（区委常委）',
    );

    // The resolution, with the unit the meeting named to lead it.
    await detail.getByTestId('resolution-add').click();
    const add = office.page.getByRole('dialog', { name: '新增议定事项' });
    await add.getByLabel('议定事项').fill(resolution);
    await add.getByLabel('牵头单位（可选）').click();
    await chooseOption(office.page, '区公安分局');
    await add.getByRole('button', { name: '保存' }).click();
    const item = detail.getByTestId('resolution-1');
    await poll(() => item.getByTestId('resolution-progress').getAttribute('data-progress')).toBe(
      'pending',
    );
    await poll(() => item.textContent()).toContain('牵头单位：区公安分局');

    // 交办 from the meeting page: the title and the lead unit come from the resolution.
    await detail.getByTestId('resolution-issue').click();
    const issue = office.page.getByRole('dialog', { name: '交办议定事项（1）' });
    await poll(() => issue.getByLabel('标题').inputValue()).toBe(resolution);
    await poll(() => issue.getByTestId('lead-unit').textContent()).toContain('区公安分局');
    await poll(() => issue.getByTestId('selected-duties').textContent()).toContain('区公安分局');
    await screenshot(office.page, 'office-resolution-issue-1366');
    await issue.getByTestId('issue-submit').click();
    // the form asks before sending, with the day the order will be due
    const asked = office.page.locator('.ant-modal-confirm');
    await poll(() => asked.getAttribute('class')).not.toMatch(/-(appear|enter)\b/);
    await asked.getByTestId('issue-confirm').click();
    await poll(() => issue.isVisible()).toBe(false);
    await poll(() => item.getByTestId('resolution-progress').getAttribute('data-progress')).toBe(
      'in_progress',
    );
    await poll(() => item.getByTestId('resolution-progress').textContent()).toBe('落实中');
    await poll(() => item.getByTestId('resolution-order-tasks').textContent()).toBe('0/1');
    const orderLink = item.getByTestId('resolution-order-link');
    expect(await orderLink.getAttribute('href')).toMatch(/^\/work-orders\/[0-9a-f-]{36}$/);
    await screenshot(office.page, 'office-meeting-detail-1366');
    await orderLink.click();
    await poll(() => office.page.getByTestId('work-order-detail').textContent()).toContain(
      resolution,
    );
    await office.page.goto(meetingPath);
    await poll(() => item.getByTestId('resolution-progress').textContent()).toBe('落实中');

    // 起草责任书 for 公安 from the default template; the points must make 100.
    await openGrouped(office.page, '会议考核', '责任书');
    await office.page.waitForURL('**/letters');
    await office.page.getByTestId('letter-new').click();
    await office.page.waitForURL('**/letters/new**');
    const letterForm = office.page.getByTestId('letter-form');
    const total = letterForm.getByTestId('points-total');
    await poll(() => total.getAttribute('data-total')).toBe('100');
    await pickOption(office.page, 'letter-unit', '公安');
    await letterForm.getByTestId('indicator-points-5').fill('5');
    await poll(() => total.textContent()).toBe('合计 90 / 100 分');
    await letterForm.getByTestId('letter-submit').click();
    await poll(() => letterForm.getByTestId('indicators-error').textContent()).toContain(
      '各项指标分值合计须为 100 分，当前为 90 分',
    );
    expect(office.page.url()).toContain('/letters/new');
    await screenshot(office.page, 'office-letter-points-90-1366');
    await letterForm.getByTestId('indicator-points-5').fill('15');
    await poll(() => total.textContent()).toBe('合计 100 / 100 分');
    await poll(() => letterForm.getByTestId('indicators-error').count()).toBe(0);
    await letterForm.getByTestId('letter-submit').click();
    await office.page.waitForURL(/\/letters\/[0-9a-f-]{36}$/);
    const letterPath = new URL(office.page.url()).pathname;
    const letter = office.page.getByTestId('letter-detail');
    const status = letter.getByTestId('letter-status').first();
    await poll(() => status.getAttribute('data-status')).toBe('draft');

    // 下达.
    await letter.getByTestId('letter-issue').click();
    await office.page.locator('.ant-popconfirm').getByRole('button', { name: '下达' }).click();
    await poll(() => status.getAttribute('data-status')).toBe('issued');
    await poll(() => letter.getByTestId('assessment-mode').textContent()).toBe('实时计算');

    // 公安 finds it under 我的责任书 and signs it, confirming an audited act.
    await login(ga.page, 'unit-ga');
    await openGrouped(ga.page, '会议考核', '我的责任书');
    await ga.page.waitForURL('**/letters');
    await poll(() => ga.page.getByTestId('letter-list').textContent()).toContain('区公安分局');
    await ga.page.getByTestId('letter-link').first().click();
    await ga.page.waitForURL(`**${letterPath}`);
    const gaLetter = ga.page.getByTestId('letter-detail');
    await gaLetter.getByTestId('letter-sign').click();
    const confirm = ga.page.getByRole('dialog');
    await poll(() => confirm.textContent()).toContain('审计日志');
    await confirm.getByRole('button', { name: '确认签订' }).click();
    await poll(() =>
      gaLetter.getByTestId('letter-status').first().getAttribute('data-status'),
    ).toBe('signed');
    expect(await gaLetter.getByTestId('letter-score').count()).toBe(0);
    await screenshot(ga.page, 'unit-letter-signed-1366');

    // The office scores 组织领导 and records a deduction; the assessment follows live.
    await office.page.reload();
    await poll(() => status.getAttribute('data-status')).toBe('signed');
    await poll(() => letter.getByTestId('assessment-finalize').isDisabled()).toBe(true);
    await letter.getByTestId('letter-score').click();
    const score = office.page.getByRole('dialog', { name: '人工评分' });
    await score.getByTestId('score-input').fill('13');
    await score.getByLabel('评分说明').fill('按时参加联席会议，分管领导调整后未及时报备。');
    await score.getByRole('button', { name: '保存评分' }).click();
    const rows = letter.getByTestId('assessment-indicators').locator('tbody tr.ant-table-row');
    await poll(() => rows.filter({ hasText: '组织领导' }).textContent()).toContain('13');
    await poll(() =>
      rows.filter({ hasText: '按时签收率' }).getByTestId('assessment-how').count(),
    ).toBe(1);
    await letter.getByTestId('letter-deduct').click();
    const deduct = office.page.getByRole('dialog', { name: '登记扣分' });
    await deduct.getByLabel('扣分项').click();
    await chooseOption(office.page, '信息报送不及时');
    await deduct.getByLabel('情况说明').fill('10 月份统计报表逾期 3 天报送。');
    await deduct.getByRole('button', { name: '登记' }).click();
    await poll(() => letter.getByTestId('assessment-deductions').textContent()).toContain('-1');
    await poll(() => letter.getByTestId('assessment-mode').textContent()).toBe('实时计算');
    await screenshot(office.page, 'office-letter-assessment-1366');

    // 定稿: the result is frozen and the letter is 已考核.
    await letter.getByTestId('assessment-finalize').click();
    await office.page.locator('.ant-popconfirm').getByRole('button', { name: '定稿' }).click();
    await poll(() => letter.getByTestId('assessment-mode').textContent()).toBe('已定稿');
    await poll(() => status.getAttribute('data-status')).toBe('assessed');
    await poll(() => status.textContent()).toBe('已考核');
    expect(await letter.getByTestId('letter-actions').count()).toBe(0);
    const finalTotal = (await letter.getByTestId('assessment-total').textContent())!;

    // 考核排名 lists 公安 with its final total.
    await openGrouped(office.page, '会议考核', '考核排名');
    await office.page.waitForURL('**/letters/ranking');
    const ranked = office.page.getByTestId('ranking-table').locator('tbody tr.ant-table-row');
    await poll(() => ranked.filter({ hasText: '区公安分局' }).count()).toBe(1);
    await poll(() => ranked.filter({ hasText: '区公安分局' }).textContent()).toContain('已定稿');
    expect(finalTotal).toContain(
      (await ranked.filter({ hasText: '区公安分局' }).getByTestId('ranking-total').textContent())!,
    );
    await screenshot(office.page, 'office-ranking-1366');

    // 公安 sees its own standing, on a phone too.
    await login(phone.page, 'unit-ga');
    await phone.page.goto('/letters');
    await poll(() => phone.page.getByTestId('own-standing').textContent()).toContain(
      '第 1 名 / 共 1 个单位',
    );
    await phone.page.goto(letterPath);
    await poll(() => phone.page.getByTestId('assessment-mode').textContent()).toBe('已定稿');
    await screenshot(phone.page, 'unit-letter-390');
    await phone.page.goto(meetingPath);
    await poll(() => phone.page.getByTestId('meeting-title').textContent()).toBe(title);
    expect(await phone.page.getByTestId('resolution-add').count()).toBe(0);
    expect(await phone.page.getByTestId('resolution-issue').count()).toBe(0);

    expectNoErrors(office, ga, phone);
  }, 180_000);
});
