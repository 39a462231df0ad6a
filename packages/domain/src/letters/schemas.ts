import { z } from 'zod';
import { Keyword, listQuery } from '../common/list-query.js';
import {
  EARLIEST_YEAR,
  Id,
  Instant,
  OUTER_LATEST_YEAR,
  OUTER_WINDOW_MESSAGE,
  Version,
  Text,
  YearInput,
} from '../common/schemas.js';

/** What the platform measures for an indicator (DESIGN §7). */
export const Metric = z.enum([
  'sign_on_time_rate',
  'completion_on_time_rate',
  'overdue_by_level',
  'handoff_feedback_rate',
  'reports_on_time_rate',
]);
export type Metric = z.infer<typeof Metric>;
export const METRIC_LABELS: Record<Metric, string> = {
  sign_on_time_rate: '按时签收率',
  completion_on_time_rate: '按时办结率',
  overdue_by_level: '逾期督办扣分（按级别）',
  handoff_feedback_rate: '移送线索按时反馈率',
  reports_on_time_rate: '统计报表按时报送率',
};

/** Points deducted per task that reached level 1, 2, 3 (挂牌督办 weighs most). */
export const PerLevel = z.object({
  level1: z.number().min(0).max(100),
  level2: z.number().min(0).max(100),
  level3: z.number().min(0).max(100),
});
export type PerLevel = z.infer<typeof PerLevel>;
export const DEFAULT_PER_LEVEL: PerLevel = { level1: 1, level2: 2, level3: 5 };

const Points = z.number().int().min(1).max(100);

export const IndicatorInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('measured'),
    name: Text(2, 100),
    points: Points,
    metric: Metric,
    perLevel: PerLevel.optional(),
  }),
  z.object({
    kind: z.literal('manual'),
    name: Text(2, 100),
    points: Points,
    description: Text(1, 500).optional(),
  }),
]);
export type IndicatorInput = z.infer<typeof IndicatorInput>;

export const Indicator = z.object({
  id: Id,
  kind: z.enum(['measured', 'manual']),
  name: z.string(),
  points: z.number(),
  metric: Metric.nullable(),
  perLevel: PerLevel.nullable(),
  description: z.string().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

/** 扣分项: 领导机制削弱, 打击力度减弱, 传销回流反弹 are aggravated (加重扣分). */
export const DeductionItemInput = z.object({
  name: Text(2, 100),
  pointsEach: z.number().min(0.5).max(100).multipleOf(0.5),
  aggravated: z.boolean().default(false),
});
export type DeductionItemInput = z.infer<typeof DeductionItemInput>;
export const DeductionItem = DeductionItemInput.extend({ id: Id });
export type DeductionItem = z.infer<typeof DeductionItem>;

/** An aggravated deduction counts this many times its points. */
export const AGGRAVATION_FACTOR = 2;

export const LetterStatus = z.enum(['draft', 'issued', 'signed', 'assessed']);
export type LetterStatus = z.infer<typeof LetterStatus>;
export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  draft: '草稿',
  issued: '已下达',
  signed: '已签订',
  assessed: '已考核',
};

export const CreateLetterInput = z.object({
  year: YearInput,
  unitId: Id,
  title: Text(2, 200),
  indicators: z.array(IndicatorInput).min(1).max(30),
  deductionItems: z.array(DeductionItemInput).max(20).default([]),
});
export type CreateLetterInput = z.infer<typeof CreateLetterInput>;

export const UpdateLetterInput = CreateLetterInput.omit({ year: true, unitId: true })
  .partial()
  .extend({ version: Version });
export type UpdateLetterInput = z.infer<typeof UpdateLetterInput>;

export const ManualScoresInput = z.object({
  scores: z
    .array(
      z.object({
        indicatorId: Id,
        score: z.number().min(0).max(100),
        note: Text(1, 500).optional(),
      }),
    )
    .min(1)
    .max(30),
});
export type ManualScoresInput = z.infer<typeof ManualScoresInput>;

export const DeductionEntryInput = z.object({
  itemId: Id,
  count: z.number().int().min(1).max(100).default(1),
  note: Text(2, 1000),
});
export type DeductionEntryInput = z.infer<typeof DeductionEntryInput>;

export const DeductionEntry = z.object({
  id: Id,
  itemId: Id,
  count: z.number().int(),
  note: z.string(),
  at: Instant,
});
export type DeductionEntry = z.infer<typeof DeductionEntry>;

export const Letter = z.object({
  id: Id,
  year: z.number().int(),
  unitId: Id,
  title: z.string(),
  status: LetterStatus,
  indicators: z.array(Indicator),
  deductionItems: z.array(DeductionItem),
  issuedAt: Instant.nullable(),
  signedAt: Instant.nullable(),
  finalizedAt: Instant.nullable(),
  version: z.number().int(),
});
export type Letter = z.infer<typeof Letter>;

export const LetterDetail = Letter.extend({
  deductionEntries: z.array(DeductionEntry),
  manualScores: z.array(
    z.object({ indicatorId: Id, score: z.number(), note: z.string().nullable() }),
  ),
});
export type LetterDetail = z.infer<typeof LetterDetail>;

/** 责任书列表: a keyword over title and unit name, the unit, the year and the status. */
export const LetterListQuery = listQuery(
  {
    q: Keyword,
    unitId: Id.optional(),
    // the exact window (to next year) needs today's date: the verb checks it
    year: z.coerce
      .number()
      .int('年份应为整数')
      .min(EARLIEST_YEAR, OUTER_WINDOW_MESSAGE)
      .max(OUTER_LATEST_YEAR, OUTER_WINDOW_MESSAGE)
      .optional(),
    status: LetterStatus.optional(),
  },
  ['year', 'issuedAt', 'signedAt'],
);
export type LetterListQuery = z.infer<typeof LetterListQuery>;

export const RankingQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export type RankingQuery = z.infer<typeof RankingQuery>;

/** A rate's parts; the rate is null when there was nothing to measure. */
export const Ratio = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  rate: z.number().nullable(),
});
export type Ratio = z.infer<typeof Ratio>;

export const IndicatorScore = z.object({
  indicatorId: Id,
  name: z.string(),
  kind: z.enum(['measured', 'manual']),
  metric: Metric.nullable(),
  points: z.number(),
  /** null: a hand-scored indicator not scored yet (counts 0 until it is). */
  score: z.number().nullable(),
  ratio: Ratio.nullable(),
  levels: z.object({ level1: z.number(), level2: z.number(), level3: z.number() }).nullable(),
  note: z.string().nullable(),
});
export type IndicatorScore = z.infer<typeof IndicatorScore>;

export const DeductionScore = z.object({
  itemId: Id,
  name: z.string(),
  pointsEach: z.number(),
  aggravated: z.boolean(),
  count: z.number().int(),
  points: z.number(),
});
export type DeductionScore = z.infer<typeof DeductionScore>;

export const Assessment = z.object({
  letterId: Id,
  unitId: Id,
  year: z.number().int(),
  final: z.boolean(),
  computedAt: Instant,
  indicators: z.array(IndicatorScore),
  indicatorTotal: z.number(),
  deductions: z.array(DeductionScore),
  deductionTotal: z.number(),
  total: z.number(),
  /** Tasks of the year that reached 挂牌督办. */
  redFlags: z.number().int(),
  /** Hand-scored indicators still without a score. */
  pendingManual: z.number().int(),
});
export type Assessment = z.infer<typeof Assessment>;

export const RankingRow = z.object({
  rank: z.number().int(),
  letterId: Id,
  unitId: Id,
  unitName: z.string(),
  status: LetterStatus,
  total: z.number(),
  final: z.boolean(),
  redFlags: z.number().int(),
  /** How many units were ranked. */
  outOf: z.number().int(),
});
export type RankingRow = z.infer<typeof RankingRow>;
