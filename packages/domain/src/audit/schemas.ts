import { z } from 'zod';
import { Id, Instant } from '../common/schemas.js';

export * from './labels.js';

/** A day typed into a log's date filter: a real date in a sane window, read in Beijing time. */
export const LogDate = z.iso
  .date('日期格式应为 YYYY-MM-DD')
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', '日期应在 2000 年至 2100 年之间');

/** `from` … `to`, both days included; the later must not come first. */
const dateRange = <T extends { from?: string; to?: string }>(q: T) =>
  !q.from || !q.to || q.from <= q.to;
const RANGE_MESSAGE = { message: '起始日期不能晚于结束日期', path: ['from'] };

/**
 * A log's page: by cursor (the next page after one already read) or by offset (the numbered
 * page a table jumps to; the logs are read by people, a few pages deep, and the offset keeps a
 * page number in the address bar meaningful).
 */
const LogPage = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
};

/** A page is asked for by cursor or by number, not both (as every searchable list). */
export const oneWayOfPaging = (q: { cursor?: string; offset?: number }) =>
  q.cursor === undefined || q.offset === undefined;
export const PAGING_MESSAGE = { message: 'cursor 与 offset 只能二选一', path: ['offset'] };

/** The filters of the operation log, shared by the list and its export. */
export const AuditFilter = z.object({
  subjectType: z.string().trim().max(64).optional(),
  subjectId: z.string().trim().max(64).optional(),
  actorId: Id.optional(),
  action: z.string().trim().max(64).optional(),
  from: LogDate.optional(),
  to: LogDate.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditExportQuery = AuditFilter.refine(dateRange, RANGE_MESSAGE);
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;

export const AuditQuery = AuditFilter.extend(LogPage)
  .refine(dateRange, RANGE_MESSAGE)
  .refine(oneWayOfPaging, PAGING_MESSAGE);
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: Instant,
  actorId: Id.nullable(),
  actorRole: z.string(),
  /** The person's name and unit now (null for the system's own work, e.g. escalations). */
  actorName: z.string().nullable(),
  actorUnit: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  payload: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A page of the log with how many rows match the filters in all (not on cursor pages). */
export const AuditPage = z.object({
  items: z.array(AuditEntry),
  nextCursor: z.string().nullable(),
  total: z.number().int().optional(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** Someone who may appear in the log: the choices of its 操作人 filter. */
export const AuditActor = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  unitName: z.string().nullable(),
});
export type AuditActor = z.infer<typeof AuditActor>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().optional(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
