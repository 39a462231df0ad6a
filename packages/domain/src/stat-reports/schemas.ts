import { z } from 'zod';
import { listQuery } from '../common/list-query.js';
import { Id, Instant, Version, Text } from '../common/schemas.js';
import { FigureChanges, Figures, Month } from './figures.js';

export const StatReportStatus = z.enum(['draft', 'submitted', 'approved']);
export type StatReportStatus = z.infer<typeof StatReportStatus>;
export const STAT_REPORT_STATUS_LABELS: Record<StatReportStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已审核',
};

export const CreateStatReportInput = z.object({
  /** The office may file for a unit; a unit files its own and may leave this out. */
  unitId: Id.optional(),
  month: Month,
  figures: Figures,
  note: Text(1, 2000).optional(),
  submit: z.boolean().default(false),
});
export type CreateStatReportInput = z.infer<typeof CreateStatReportInput>;

export const UpdateStatReportInput = z.object({
  version: Version,
  figures: Figures,
  note: Text(1, 2000).optional(),
  /** Required when correcting a report already approved: it keeps the history honest. */
  reason: Text(2, 500).optional(),
});
export type UpdateStatReportInput = z.infer<typeof UpdateStatReportInput>;

export const ReturnStatReportInput = z.object({ reason: Text(2, 500) });
export type ReturnStatReportInput = z.infer<typeof ReturnStatReportInput>;

export const StatRevision = z.object({
  revision: z.number().int(),
  figures: Figures,
  reason: z.string().nullable(),
  at: Instant,
});
export type StatRevision = z.infer<typeof StatRevision>;

export const StatReport = z.object({
  id: Id,
  unitId: Id,
  month: Month,
  figures: Figures,
  note: z.string().nullable(),
  status: StatReportStatus,
  submittedAt: Instant.nullable(),
  approvedAt: Instant.nullable(),
  /** How many times it was corrected after approval. */
  corrections: z.number().int(),
  /** Why the office sent it back for correction; null once submitted again. */
  returnReason: z.string().nullable(),
  version: z.number().int(),
});
export type StatReport = z.infer<typeof StatReport>;

export const StatReportDetail = StatReport.extend({ revisions: z.array(StatRevision) });
export type StatReportDetail = z.infer<typeof StatReportDetail>;

/**
 * What a report list filters by: its status, or 已退回, a draft the office sent back whose
 * reason still stands (the unit has not submitted it again).
 */
export const StatReportListStatus = z.enum([...StatReportStatus.options, 'returned']);
export type StatReportListStatus = z.infer<typeof StatReportListStatus>;
export const STAT_REPORT_LIST_STATUS_LABELS: Record<StatReportListStatus, string> = {
  ...STAT_REPORT_STATUS_LABELS,
  returned: '已退回',
};

/** 统计报表列表: the unit, the status and the months (YYYY-MM, both ends included). */
export const StatReportListQuery = listQuery(
  {
    /** One month, as earlier clients ask; `from`/`to` give a range. */
    month: Month.optional(),
    from: Month.optional(),
    to: Month.optional(),
    unitId: Id.optional(),
    status: StatReportListStatus.optional(),
  },
  ['month', 'submittedAt'],
);
export type StatReportListQuery = z.infer<typeof StatReportListQuery>;

/** Whose figures a summary or a briefing counts: the caller's conference, or it and all below. */
export const FigureScope = z.enum(['own', 'tree']);
export type FigureScope = z.infer<typeof FigureScope>;

/**
 * One conference of the tree in a summary: `figures` are its own units' approved figures,
 * `treeFigures` those and every conference's below it. Each report is counted once in its own
 * conference's `figures`, so the rows' `figures` add up to the totals.
 */
export const SummaryConference = z.object({
  conferenceId: Id,
  parentId: Id.nullable(),
  /** 0 for the caller's own conference, 1 for its districts, 2 for theirs, … */
  depth: z.number().int(),
  name: z.string(),
  jurisdiction: z.object({ code: z.string(), name: z.string() }),
  /** Approved reports of its own units in the period. */
  reports: z.number().int(),
  figures: Figures,
  treeFigures: Figures,
});
export type SummaryConference = z.infer<typeof SummaryConference>;

export const SummaryQuery = z
  .object({
    from: Month,
    to: Month,
    groupBy: z.enum(['unit', 'month', 'kind']).default('month'),
    /**
     * 含下级联席会议: `tree` sums the caller's conference and every conference below it and
     * adds the figures of each; left out (or `own`), only the caller's own units, as before.
     */
    scope: FigureScope.optional(),
  })
  .refine((q) => q.from <= q.to, { message: '起始月份不能晚于结束月份', path: ['from'] })
  .refine((q) => Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 10, {
    message: '统计区间不能超过十年',
    path: ['to'],
  });
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export const SummaryRow = z.object({
  /** A month (YYYY-MM), a unit id, or department / grassroots. */
  key: z.string(),
  label: z.string(),
  figures: Figures,
  /** Month on month: this month's figures less the previous month's (months only). */
  change: FigureChanges.nullable(),
});
export type SummaryRow = z.infer<typeof SummaryRow>;

export const Summary = z.object({
  from: Month,
  to: Month,
  groupBy: z.enum(['unit', 'month', 'kind']),
  rows: z.array(SummaryRow),
  totals: Figures,
  /** 传销警情 from the first month of the period to the last (the seed's 418 → 0). */
  alertTrend: z.object({
    fromMonth: Month,
    from: z.number().int(),
    toMonth: Month,
    to: z.number().int(),
  }),
  /** Only with `scope=tree`: the totals and rows cover all of them. */
  scope: z.literal('tree').optional(),
  /** Only with `scope=tree`: the caller's conference, then each below it right after its parent. */
  conferences: z.array(SummaryConference).optional(),
});
export type Summary = z.infer<typeof Summary>;

/** A row of an import that is wrong, named the way the clerk sees the sheet. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}
