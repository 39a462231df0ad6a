import {
  assess,
  type AssessInput,
  type Indicator,
  type Measures,
  pointsProblem,
  rankByTotal,
  round2,
} from '@lianxi/domain';
import { describe, expect, it } from 'vitest';

const measured = (
  id: string,
  points: number,
  metric: NonNullable<Indicator['metric']>,
  perLevel: Indicator['perLevel'] = null,
): Indicator => ({
  id,
  kind: 'measured',
  name: id,
  points,
  metric,
  perLevel,
  description: null,
});
const manual = (id: string, points: number): Indicator => ({
  id,
  kind: 'manual',
  name: id,
  points,
  metric: null,
  perLevel: null,
  description: null,
});

const MEASURES: Measures = {
  signOnTime: { onTime: 9, counted: 10 },
  completedOnTime: { onTime: 2, counted: 3 },
  handoffsAnsweredOnTime: { onTime: 0, counted: 0 },
  reportsOnTime: { onTime: 12, counted: 12 },
  overdue: { level1: 2, level2: 1, level3: 1 },
  redFlags: 1,
};

/** Indicators worth 100 in all, as a letter must have them. */
const INDICATORS: Indicator[] = [
  measured('sign', 20, 'sign_on_time_rate'),
  measured('done', 30, 'completion_on_time_rate'),
  measured('handoff', 10, 'handoff_feedback_rate'),
  measured('reports', 10, 'reports_on_time_rate'),
  measured('overdue', 10, 'overdue_by_level'),
  manual('work', 20),
];

const input = (over: Partial<AssessInput> = {}): AssessInput => ({
  letter: {
    id: 'letter-1',
    unitId: 'unit-1',
    year: 2026,
    indicators: INDICATORS,
    deductionItems: [
      { id: 'd-plain', name: '宣传不到位', pointsEach: 1.5, aggravated: false },
      { id: 'd-heavy', name: '传销回流反弹', pointsEach: 3, aggravated: true },
    ],
  },
  measures: MEASURES,
  manualScores: [{ indicatorId: 'work', score: 17.5, note: '工作扎实' }],
  deductionEntries: [
    { itemId: 'd-plain', count: 1 },
    { itemId: 'd-plain', count: 1 },
    { itemId: 'd-heavy', count: 1 },
  ],
  at: new Date('2026-12-31T08:00:00.000Z'),
  ...over,
});

const scores = (a: ReturnType<typeof assess>) =>
  Object.fromEntries(a.indicators.map((i) => [i.indicatorId, i.score]));

describe('the assessment of a responsibility letter', () => {
  it('scores each measured indicator by its rate, weighted by its points', () => {
    const a = assess(input());
    expect(scores(a)).toEqual({
      sign: 18, // 20 × 9/10
      done: 20, // 30 × 2/3
      handoff: 10, // nothing to answer for: full points
      reports: 10,
      overdue: 1, // 10 − (2×1 + 1×2 + 1×5)
      work: 17.5,
    });
    expect(a.indicators.find((i) => i.indicatorId === 'sign')?.ratio).toEqual({
      numerator: 9,
      denominator: 10,
      rate: 0.9,
    });
    expect(a.indicators.find((i) => i.indicatorId === 'handoff')?.note).toBe(
      '本年度无可考核事项，按满分计',
    );
    expect(a.indicators.find((i) => i.indicatorId === 'overdue')?.levels).toEqual({
      level1: 2,
      level2: 1,
      level3: 1,
    });
  });

  it('deducts per entry, an aggravated item twice, and totals to two decimals', () => {
    const a = assess(input());
    expect(a.deductions).toEqual([
      {
        itemId: 'd-plain',
        name: '宣传不到位',
        pointsEach: 1.5,
        aggravated: false,
        count: 2,
        points: 3,
      },
      {
        itemId: 'd-heavy',
        name: '传销回流反弹',
        pointsEach: 3,
        aggravated: true,
        count: 1,
        points: 6,
      },
    ]);
    expect(a).toMatchObject({
      letterId: 'letter-1',
      unitId: 'unit-1',
      year: 2026,
      final: false,
      computedAt: '2026-12-31T08:00:00.000Z',
      indicatorTotal: 76.5,
      deductionTotal: 9,
      total: 67.5,
      redFlags: 1,
      pendingManual: 0,
    });
  });

  it('uses the letter’s own points per level, or 1 / 2 / 5 by default', () => {
    const own = measured('overdue', 10, 'overdue_by_level', { level1: 0.5, level2: 1, level3: 3 });
    const a = assess(input({ letter: { ...input().letter, indicators: [own] } }));
    expect(a.indicators[0].score).toBe(5); // 10 − (2×0.5 + 1×1 + 1×3); the default is above
  });

  it('never lets the level deductions take an indicator below 0', () => {
    const a = assess(
      input({ measures: { ...MEASURES, overdue: { level1: 0, level2: 0, level3: 3 } } }),
    );
    expect(scores(a).overdue).toBe(0); // 10 − 15
  });

  it('leaves a manual item unscored until scored, and caps it at its points', () => {
    const unscored = assess(input({ manualScores: [] }));
    expect(scores(unscored).work).toBeNull();
    expect(unscored.pendingManual).toBe(1);
    expect(unscored.indicatorTotal).toBe(59); // the unscored item counts 0 meanwhile
    const over = assess(input({ manualScores: [{ indicatorId: 'work', score: 25, note: null }] }));
    expect(scores(over).work).toBe(20);
    expect(over.indicators.find((i) => i.indicatorId === 'work')?.note).toBeNull();
  });

  it('never totals below 0, however many deductions', () => {
    const a = assess(input({ deductionEntries: [{ itemId: 'd-heavy', count: 20 }] }));
    expect(a.deductionTotal).toBe(120);
    expect(a.total).toBe(0);
  });

  it('rounds to two decimals the way a score sheet writes them', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(66.666)).toBe(66.67);
    const a = assess(
      input({
        measures: { ...MEASURES, completedOnTime: { onTime: 1, counted: 3 } },
        letter: {
          ...input().letter,
          indicators: [measured('done', 20, 'completion_on_time_rate')],
        },
      }),
    );
    expect(a.indicators[0].score).toBe(6.67); // 20 × 1/3
  });
});

describe('ranking and checking letters', () => {
  it('ranks equal totals together and skips the next rank', () => {
    const ranked = rankByTotal([
      { id: 'a', total: 80 },
      { id: 'b', total: 95 },
      { id: 'c', total: 80 },
      { id: 'd', total: 70 },
    ]);
    expect(ranked.map((r) => `${r.id}${r.rank}`)).toEqual(['b1', 'a2', 'c2', 'd4']);
  });

  it('asks indicator points to make 100, and says by how much they miss', () => {
    expect(pointsProblem(INDICATORS)).toBeNull();
    expect(pointsProblem([{ points: 60 }, { points: 30 }])).toBe(
      '各项指标分值合计须为 100 分，当前为 90 分',
    );
  });
});
