import { buildCalendar, type IndicatorScore, pointsProblem, zeroFigures } from '@lianxi/domain';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/client.js';
import { parseCalendarLines } from '../src/pages/calendar/calendar-lines.js';
import {
  ATTACHMENT_KINDS_TEXT,
  clockStatus,
  describeConditions,
  formatBytes,
  outcomesFor,
  senderName,
} from '../src/lib/clues.js';
import { deadlineState, deadlineText, isDueSoon } from '../src/lib/deadline.js';
import {
  changedFigures,
  currentMonth,
  monthBounds,
  reportingMonth,
  shiftMonth,
} from '../src/lib/figures.js';
import { formatTime } from '../src/lib/format.js';
import { applyProblemToForm, fieldPath } from '../src/lib/forms.js';
import {
  DEFAULT_DEDUCTIONS,
  DEFAULT_INDICATORS,
  formatPoints,
  howMeasured,
} from '../src/lib/letters.js';

describe('calendar import lines', () => {
  it('reads rest days and make-up workdays, with Chinese commas and comments', () => {
    const { days, errors } = parseCalendarLines(
      '# 2027 年安排\n2027-01-01,休,元旦\n\n2027-02-07，班，春节调休\n2027-02-08\t放假\t春节',
      2027,
    );
    expect(errors).toEqual([]);
    expect(days).toEqual([
      { date: '2027-01-01', workday: false, name: '元旦' },
      { date: '2027-02-07', workday: true, name: '春节调休' },
      { date: '2027-02-08', workday: false, name: '春节' },
    ]);
  });

  it('names every bad line by its number', () => {
    const { errors } = parseCalendarLines(
      '2027-02-30,休\n2026-12-31,休\n2027-01-01,假\n2027/01/02,休\n2027-03-01,班\n2027-03-01,休',
      2027,
    );
    expect(errors).toEqual([
      '第 1 行：日期“2027-02-30”不存在',
      '第 2 行：日期不属于 2027 年',
      '第 3 行：第二项应为“休”或“班”',
      '第 4 行：日期“2027/01/02”格式应为 YYYY-MM-DD',
      '第 6 行：日期 2027-03-01 重复',
    ]);
  });
});

describe('deadlines as the clerk reads them', () => {
  // 2026-10-01..07 is the National Day holiday, 2026-10-10 (Saturday) a make-up workday.
  const cal = buildCalendar(
    [2026],
    [
      ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2026-10-0${d}`, workday: false })),
      { date: '2026-10-10', workday: true },
    ],
  );
  const at = (s: string) => new Date(s);

  it('counts workdays through the holiday calendar', () => {
    // After Tuesday 29 Sep up to Monday 12 Oct: 30 Sep, 8, 9, 10 (the Saturday make-up) and 12.
    const state = deadlineState(
      cal,
      'accepted',
      '2026-10-12T15:59:59Z',
      at('2026-09-29T02:00:00Z'),
    );
    expect(state).toEqual({ kind: 'left', workdays: 5 });
    expect(deadlineText(state)).toBe('剩余 5 个工作日');
    expect(isDueSoon(state)).toBe(false);
  });

  it('says 今日到期, 已逾期 and 计时暂停 where they apply', () => {
    const now = at('2026-11-23T02:00:00Z');
    expect(deadlineText(deadlineState(cal, 'issued', '2026-11-23T15:59:59Z', now))).toBe(
      '今日到期',
    );
    expect(deadlineText(deadlineState(cal, 'accepted', '2026-11-22T15:59:59Z', now))).toBe(
      '已逾期',
    );
    expect(deadlineText(deadlineState(cal, 'reported', '2026-11-22T15:59:59Z', now))).toBe(
      '计时暂停',
    );
    expect(deadlineText(deadlineState(cal, 'closed', '2026-11-22T15:59:59Z', now))).toBe('');
    expect(isDueSoon(deadlineState(cal, 'accepted', '2026-11-24T15:59:59Z', now))).toBe(true);
  });

  it('prints times in Asia/Shanghai whatever the machine zone', () => {
    expect(formatTime('2026-11-23T09:30:00Z')).toBe('2026年11月23日 17:30');
  });
});

describe('problem field errors onto a form', () => {
  const problem = (errors: { field: string; message: string }[]) =>
    new ApiError({ type: '/problems/invalid-input', title: '请求参数有误', status: 400, errors });

  /** Just enough of an antd FormInstance: the registered names and what was set. */
  const fakeForm = (names: (string | number)[][]) => {
    const set: { name: (string | number)[]; errors: string[] }[] = [];
    return {
      set,
      form: {
        getFieldsError: () => names.map((name) => ({ name, errors: [], warnings: [] })),
        setFields: (fields: typeof set) => set.push(...fields),
      } as unknown as Parameters<typeof applyProblemToForm>[0],
    };
  };

  it('strips body. and turns indexes into numbers', () => {
    expect(fieldPath('body.assignments.0.unitId')).toEqual(['assignments', 0, 'unitId']);
    expect(fieldPath('body.policy.ladder.2.after.amount')).toEqual([
      'policy',
      'ladder',
      2,
      'after',
      'amount',
    ]);
  });

  it('puts each message on the field, its longest registered prefix, or an alias', () => {
    const { form, set } = fakeForm([['title'], ['leadUnitId'], ['policy', 'signWithin', 'amount']]);
    const unplaced = applyProblemToForm(
      form,
      problem([
        { field: 'body.title', message: '标题过短' },
        { field: 'body.assignments.0.unitId', message: '单位不存在' },
        { field: 'body.policy.signWithin.amount.x', message: '太大' },
        { field: 'body.nothing', message: '无处安放' },
      ]),
      { assignments: 'leadUnitId' },
    );
    expect(set).toEqual([
      { name: ['title'], errors: ['标题过短'] },
      { name: ['leadUnitId'], errors: ['单位不存在'] },
      { name: ['policy', 'signWithin', 'amount'], errors: ['太大'] },
    ]);
    expect(unplaced).toEqual(['无处安放']);
  });
});

describe('clues and hand-offs as the pages word them', () => {
  it('offers a referral only the answers the law allows', () => {
    expect(outcomesFor('criminal_referral')).toEqual(['case_opened', 'refused', 'not_crime']);
    expect(outcomesFor('route')).toContain('handled');
    expect(outcomesFor('route')).toContain('returned');
  });

  it('runs a hand-off clock the way a task clock runs', () => {
    expect(clockStatus('sent')).toBe('issued');
    expect(clockStatus('received')).toBe('accepted');
    expect(clockStatus('reconsidering')).toBe('accepted');
    expect(clockStatus('answered')).toBe('closed');
  });

  it('names the office as the sender when no unit sent it', () => {
    const names = (id: string) => (id === 'u1' ? '区公安分局' : '—');
    expect(senderName(names, null)).toBe('打传办');
    expect(senderName(names, 'u1')).toBe('区公安分局');
  });

  it('sizes files and names each accepted kind once', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20.0 MB');
    expect(ATTACHMENT_KINDS_TEXT.split('、').filter((k) => k === '图片')).toHaveLength(1);
  });

  it('words a routing rule, and a rule with no conditions is the catch-all', () => {
    expect(
      describeConditions({
        categories: ['online', 'gathering'],
        minParticipants: 30,
        keywords: ['学校'],
      }),
    ).toEqual(['类型：网络传销或聚集型传销', '人数 ≥ 30', '含关键词：学校']);
    expect(describeConditions({})).toEqual([]);
  });
});

describe('responsibility letters as the score sheet reads', () => {
  const base: IndicatorScore = {
    indicatorId: 'i',
    name: '按时签收率',
    kind: 'measured',
    metric: 'sign_on_time_rate',
    points: 20,
    score: 15,
    ratio: { numerator: 3, denominator: 4, rate: 0.75 },
    levels: null,
    note: null,
  };

  it('shows how each indicator was measured', () => {
    expect(howMeasured(base)).toBe('3/4 = 75%');
    expect(howMeasured({ ...base, ratio: { numerator: 2, denominator: 3, rate: 2 / 3 } })).toBe(
      '2/3 = 66.7%',
    );
    expect(howMeasured({ ...base, ratio: { numerator: 0, denominator: 0, rate: null } })).toBe(
      '0/0',
    );
    expect(
      howMeasured({
        ...base,
        metric: 'overdue_by_level',
        ratio: null,
        levels: { level1: 2, level2: 1, level3: 0 },
      }),
    ).toBe('催办 2 件、督办 1 件、挂牌督办 0 件');
    expect(howMeasured({ ...base, kind: 'manual', metric: null, ratio: null, score: null })).toBe(
      '待人工评分',
    );
    expect(formatPoints(18.75)).toBe('18.75');
    expect(formatPoints(20)).toBe('20');
  });

  it('offers a default template worth exactly 100 points', () => {
    expect(pointsProblem(DEFAULT_INDICATORS)).toBeNull();
    expect(DEFAULT_INDICATORS.filter((i) => i.kind === 'manual').map((i) => i.name)).toEqual([
      '组织领导',
    ]);
    expect(DEFAULT_DEDUCTIONS.filter((d) => d.aggravated)).toHaveLength(3);
  });
});

describe('monthly figures', () => {
  it('counts months in Beijing and moves across years', () => {
    // 2026-12-31 17:00 UTC is already 1 January in Beijing.
    const newYear = new Date('2026-12-31T17:00:00Z');
    expect(currentMonth(newYear)).toBe('2027-01');
    expect(reportingMonth(newYear)).toBe('2026-12');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', 14)).toBe('2028-01');
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('lists what a correction changed, in form order', () => {
    const before = zeroFigures();
    const after = { ...before, densRaided: 3, operations: 2 };
    expect(changedFigures(before, after)).toEqual([
      { key: 'operations', label: '整治打击行动（次）', from: 0, to: 2 },
      { key: 'densRaided', label: '捣毁窝点（个）', from: 0, to: 3 },
    ]);
  });
});
