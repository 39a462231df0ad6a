import { z } from 'zod';
import { CreditCode, Id, Instant, Phone, PlainString, Text } from '../common/schemas.js';
import { Day, Keyword, listFilters, listQuery } from '../common/list-query.js';

/** Where a clue came from (DESIGN §6). */
export const ClueChannel = z.enum([
  'hotline',
  'online',
  'opinion_monitoring',
  'petition',
  'upper_level',
  'other_unit',
]);
export type ClueChannel = z.infer<typeof ClueChannel>;
export const CLUE_CHANNEL_LABELS: Record<ClueChannel, string> = {
  hotline: '举报电话',
  online: '网上举报',
  opinion_monitoring: '舆情监测',
  petition: '信访',
  upper_level: '上级交办',
  other_unit: '其他单位移送',
};

export const ClueCategory = z.enum(['online', 'gathering', 'other']);
export type ClueCategory = z.infer<typeof ClueCategory>;
export const CLUE_CATEGORY_LABELS: Record<ClueCategory, string> = {
  online: '网络传销',
  gathering: '聚集型传销',
  other: '其他',
};

export const Reporter = z.object({ name: Text(1, 50), phone: Phone.optional() });
export type Reporter = z.infer<typeof Reporter>;

export const CreateClueInput = z.object({
  channel: ClueChannel,
  subject: z.object({
    name: Text(1, 200),
    creditCode: CreditCode.optional(),
    url: PlainString().trim().max(500).optional(),
  }),
  township: Text(1, 100).optional(),
  category: ClueCategory,
  description: Text(1, 10_000),
  participants: z.number().int().min(0).max(10_000_000).optional(),
  levels: z.number().int().min(0).max(1000).optional(),
  amountYuan: z.number().min(0).max(1e13).optional(),
  reporter: Reporter.optional(),
});
export type CreateClueInput = z.infer<typeof CreateClueInput>;

/** What lists and exports show: never who reported it. */
export const Clue = z.object({
  id: Id,
  serial: z.string(),
  channel: ClueChannel,
  subject: z.object({
    name: z.string(),
    creditCode: z.string().nullable(),
    url: z.string().nullable(),
  }),
  township: z.string().nullable(),
  category: ClueCategory,
  description: z.string(),
  participants: z.number().int().nullable(),
  levels: z.number().int().nullable(),
  amountYuan: z.number().nullable(),
  status: z.enum(['open', 'closed']),
  reportCount: z.number().int(),
  owningUnitId: Id.nullable(),
  createdAt: Instant,
  closedAt: Instant.nullable(),
  conclusion: z.string().nullable(),
});
export type Clue = z.infer<typeof Clue>;

/** 办结: the holding unit or the office closes a clue once every hand-off is answered. */
export const CloseClueInput = z.object({ conclusion: Text(2, 2000) });
export type CloseClueInput = z.infer<typeof CloseClueInput>;

export const ClueReport = z.object({
  at: Instant,
  channel: ClueChannel,
  description: z.string(),
  /** Only for the owning unit and the office; absent for everyone else. */
  reporter: Reporter.nullable().optional(),
});
export type ClueReport = z.infer<typeof ClueReport>;

/** The answer to an intake: the clue, and whether the report joined one already open. */
export const ClueIntake = Clue.extend({ merged: z.boolean() });
export type ClueIntake = z.infer<typeof ClueIntake>;

/** 线索: keyword over serial, subject name and credit code; `unitId` the holding unit. */
const ClueListFilters = {
  q: Keyword,
  status: z.enum(['open', 'closed']).optional(),
  channel: ClueChannel.optional(),
  category: ClueCategory.optional(),
  township: Keyword,
  unitId: Id.optional(),
  from: Day.optional(),
  to: Day.optional(),
};
export const ClueListQuery = listQuery(ClueListFilters, ['createdAt', 'reportCount']);
export type ClueListQuery = z.infer<typeof ClueListQuery>;
/** 线索台账 (.xlsx): the list's filters, every matching row. */
export const ClueExportQuery = listFilters(ClueListFilters);
export type ClueExportQuery = z.infer<typeof ClueExportQuery>;
