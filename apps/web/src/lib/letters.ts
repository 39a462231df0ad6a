import {
  DEFAULT_PER_LEVEL,
  type DeductionItemInput,
  type IndicatorInput,
  type IndicatorScore,
  type LetterStatus,
} from '@lianxi/domain';

/** `75%`, `66.7%`: a rate as a score sheet prints it. */
export const percent = (rate: number) => `${Number((rate * 100).toFixed(1))}%`;

/** `12`, `7.5`, `18.75`: points as written on the sheet (two decimals at most). */
export const formatPoints = (n: number) => String(Number(n.toFixed(2)));

/** How an indicator's score was arrived at: `3/4 = 75%`, levels counted, or scored by hand. */
export function howMeasured(i: IndicatorScore): string {
  if (i.kind === 'manual') return i.score === null ? '待人工评分' : '人工评分';
  if (i.levels) {
    const { level1, level2, level3 } = i.levels;
    return `催办 ${level1} 件、督办 ${level2} 件、挂牌督办 ${level3} 件`;
  }
  if (i.ratio) {
    const { numerator, denominator, rate } = i.ratio;
    // nothing to measure scores full points; the assessment's note says so
    return rate === null ? '0/0' : `${numerator}/${denominator} = ${percent(rate)}`;
  }
  return '—';
}

export const LETTER_STATUS_COLOURS: Record<LetterStatus, string> = {
  draft: 'default',
  issued: 'processing',
  signed: 'blue',
  assessed: 'success',
};

export const LETTER_STEPS: LetterStatus[] = ['draft', 'issued', 'signed', 'assessed'];

/** The default 责任书: measured indicators the platform scores itself, one scored by hand. */
export const DEFAULT_INDICATORS: IndicatorInput[] = [
  { kind: 'measured', name: '按时签收率', points: 20, metric: 'sign_on_time_rate' },
  { kind: 'measured', name: '按时办结率', points: 25, metric: 'completion_on_time_rate' },
  {
    kind: 'measured',
    name: '逾期督办扣分',
    points: 20,
    metric: 'overdue_by_level',
    perLevel: DEFAULT_PER_LEVEL,
  },
  { kind: 'measured', name: '移送线索按时反馈率', points: 10, metric: 'handoff_feedback_rate' },
  { kind: 'measured', name: '统计报表按时报送率', points: 10, metric: 'reports_on_time_rate' },
  {
    kind: 'manual',
    name: '组织领导',
    points: 15,
    description: '主要领导亲自部署，明确分管领导和联络员，按时参加联席会议。',
  },
];

/** 领导机制削弱, 打击力度减弱, 传销回流反弹 weigh double (加重扣分). */
export const DEFAULT_DEDUCTIONS: DeductionItemInput[] = [
  { name: '领导机制削弱', pointsEach: 2, aggravated: true },
  { name: '打击力度减弱', pointsEach: 2, aggravated: true },
  { name: '传销回流反弹', pointsEach: 3, aggravated: true },
  { name: '信息报送不及时', pointsEach: 1, aggravated: false },
];
