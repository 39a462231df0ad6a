import { z } from 'zod';
import { Instant } from '../common/schemas.js';
import { Duration } from '../policy/schemas.js';
import { IssueWorkOrderInput, Priority } from './schemas.js';

/**
 * What the issue form asks before sending: the limits an order issued now would get. The
 * fields and their bounds are the order's own, so a number the order refuses is refused here.
 */
export const IssuePreviewQuery = z
  .object({
    priority: Priority.default('normal'),
    dueInWorkdays: z.coerce
      .number()
      .pipe(IssueWorkOrderInput.shape.dueInWorkdays.unwrap())
      .optional(),
    dueAt: Instant.optional(),
  })
  .refine((q) => q.dueAt === undefined || q.dueInWorkdays === undefined, {
    message: 'dueAt 与 dueInWorkdays 只能二选一',
    path: ['dueAt'],
  });
export type IssuePreviewQuery = z.infer<typeof IssuePreviewQuery>;

/** A limit as an instant and as the clerk reads it: "2026年12月18日（星期五）23:59". */
const Limit = z.object({ at: Instant, words: z.string(), day: z.string() });

/** Counted from the server's now, as the order would be issued. */
export const IssuePreview = z.object({
  signDue: Limit,
  due: Limit,
  /** The rule the due time follows: the typed workdays or the policy's default; null for a set time. */
  rule: Duration.nullable(),
  /** Workdays on the conference's calendar from the day of issue to the due day. */
  workdays: z.number().int().nullable(),
  /** The limit reaches a year whose calendar is not imported: counted Monday–Friday. */
  provisional: z.boolean(),
});
export type IssuePreview = z.infer<typeof IssuePreview>;
