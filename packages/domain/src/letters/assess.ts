import {
  AGGRAVATION_FACTOR,
  type Assessment,
  DEFAULT_PER_LEVEL,
  type DeductionItem,
  type Indicator,
  type IndicatorScore,
  type Metric,
  type Ratio,
} from './schemas.js';
import { ratio } from '../dashboard/rates.js';

/** What the platform measured of a unit over the letter's year (counts, not scores). */
export interface Measures {
  signOnTime: { onTime: number; counted: number };
  completedOnTime: { onTime: number; counted: number };
  handoffsAnsweredOnTime: { onTime: number; counted: number };
  /** Months whose figures were due, and those submitted by their due day. */
  reportsOnTime: { onTime: number; counted: number };
  /** Tasks by the highest level they reached. */
  overdue: { level1: number; level2: number; level3: number };
  redFlags: number;
}

/** Points are kept to two decimals, the way a score sheet writes them. */
export const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

const ratioOf = ({ onTime, counted }: { onTime: number; counted: number }): Ratio =>
  ratio(onTime, counted);

const RATE_SOURCES: Record<Exclude<Metric, 'overdue_by_level'>, keyof Measures> = {
  sign_on_time_rate: 'signOnTime',
  completion_on_time_rate: 'completedOnTime',
  handoff_feedback_rate: 'handoffsAnsweredOnTime',
  reports_on_time_rate: 'reportsOnTime',
};

function scoreIndicator(
  ind: Indicator,
  m: Measures,
  manual: Map<string, { score: number; note: string | null }>,
): IndicatorScore {
  const base = {
    indicatorId: ind.id,
    name: ind.name,
    kind: ind.kind,
    metric: ind.metric,
    points: ind.points,
    ratio: null,
    levels: null,
    note: null,
  };
  if (ind.kind === 'manual' || !ind.metric) {
    const given = manual.get(ind.id);
    return {
      ...base,
      score: given ? Math.min(given.score, ind.points) : null,
      note: given?.note ?? null,
    };
  }
  if (ind.metric === 'overdue_by_level') {
    const per = ind.perLevel ?? DEFAULT_PER_LEVEL;
    const lost =
      m.overdue.level1 * per.level1 + m.overdue.level2 * per.level2 + m.overdue.level3 * per.level3;
    return { ...base, levels: m.overdue, score: round2(Math.max(0, ind.points - lost)) };
  }
  const r = ratioOf(m[RATE_SOURCES[ind.metric]] as { onTime: number; counted: number });
  // nothing to measure is nothing failed: full points, and the sheet says why
  return {
    ...base,
    ratio: r,
    score: round2(ind.points * (r.rate ?? 1)),
    note: r.rate === null ? '本年度无可考核事项，按满分计' : null,
  };
}

export interface AssessInput {
  letter: {
    id: string;
    unitId: string;
    year: number;
    indicators: Indicator[];
    deductionItems: DeductionItem[];
  };
  measures: Measures;
  manualScores: { indicatorId: string; score: number; note: string | null }[];
  deductionEntries: { itemId: string; count: number }[];
  at: Date;
}

/**
 * The assessment of a responsibility letter: each indicator's score from what was measured
 * or scored by hand, minus the deductions (aggravated ones count double), never below 0.
 */
export function assess(input: AssessInput): Assessment {
  const manual = new Map(input.manualScores.map((s) => [s.indicatorId, s]));
  const indicators = input.letter.indicators.map((i) => scoreIndicator(i, input.measures, manual));
  const deductions = input.letter.deductionItems.map((item) => {
    const count = input.deductionEntries
      .filter((e) => e.itemId === item.id)
      .reduce((n, e) => n + e.count, 0);
    return {
      itemId: item.id,
      name: item.name,
      pointsEach: item.pointsEach,
      aggravated: item.aggravated,
      count,
      points: round2(count * item.pointsEach * (item.aggravated ? AGGRAVATION_FACTOR : 1)),
    };
  });
  const indicatorTotal = round2(indicators.reduce((n, i) => n + (i.score ?? 0), 0));
  const deductionTotal = round2(deductions.reduce((n, d) => n + d.points, 0));
  return {
    letterId: input.letter.id,
    unitId: input.letter.unitId,
    year: input.letter.year,
    final: false,
    computedAt: input.at.toISOString(),
    indicators,
    indicatorTotal,
    deductions,
    deductionTotal,
    total: round2(Math.max(0, indicatorTotal - deductionTotal)),
    redFlags: input.measures.redFlags,
    pendingManual: indicators.filter((i) => i.score === null).length,
  };
}

/** Standard competition ranking: equal totals share a rank, the next rank skips. */
export function rankByTotal<T extends { total: number }>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  return sorted.map((row, i) => ({
    ...row,
    rank: sorted.findIndex((r) => r.total === row.total) + 1 || i + 1,
  }));
}

/** Indicator points must make 100; the message says by how much they miss. */
export function pointsProblem(indicators: { points: number }[]): string | null {
  const sum = indicators.reduce((n, i) => n + i.points, 0);
  return sum === 100 ? null : `各项指标分值合计须为 100 分，当前为 ${sum} 分`;
}
