import { z } from 'zod';
import { Id, Instant, Text } from '../common/schemas.js';
import { AssignmentRole, Priority, TaskStatus } from '../tasks/index.js';

/**
 * 向下级交办: a higher office's work order to the offices of conferences directly below. Each
 * becomes a work order of that conference with one task for the unit hosting its office,
 * its clocks counted on the higher conference's policy and calendar.
 */
export const IssueOrderDownInput = z
  .object({
    title: Text(2, 200),
    body: Text(1, 10_000),
    priority: Priority.default('normal'),
    dueAt: Instant.optional(),
    dueInWorkdays: z.number().int().min(0).max(250).optional(),
    conferenceIds: z.array(Id).min(1).max(200),
  })
  .superRefine((o, ctx) => {
    if (new Set(o.conferenceIds).size !== o.conferenceIds.length) {
      ctx.addIssue({ code: 'custom', path: ['conferenceIds'], message: '同一下级不能重复交办' });
    }
    if (o.dueAt !== undefined && o.dueInWorkdays !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['dueAt'],
        message: 'dueAt 与 dueInWorkdays 只能二选一',
      });
    }
  });
export type IssueOrderDownInput = z.infer<typeof IssueOrderDownInput>;

/**
 * One task below an order from above: a conference's share (its order, the office's task and
 * its clocks), or a task of the order that conference split its share into for its units.
 */
export const OrderBelow = z.object({
  /** 1 for a conference directly below the issuer, 2 for one below that, … */
  depth: z.number().int(),
  /** `share`: the conference's own copy; `split`: its order to its units, under the share. */
  kind: z.enum(['share', 'split']),
  /** The order this one carries out: the issuer's or a share above (a split: its share). */
  parentWorkOrderId: Id,
  conferenceId: Id,
  conferenceName: z.string(),
  jurisdictionName: z.string(),
  workOrderId: Id,
  serial: z.string(),
  taskId: Id,
  role: AssignmentRole,
  unitId: Id,
  unitName: z.string(),
  status: TaskStatus,
  signDueAt: Instant.nullable(),
  dueAt: Instant,
  escalationLevel: z.number().int().min(0).max(3),
  redFlag: z.boolean(),
});
export type OrderBelow = z.infer<typeof OrderBelow>;

/** The whole tree's progress of one order, read by the office that issued it. */
export const OrderDownProgress = z.object({
  id: Id,
  serial: z.string(),
  title: z.string(),
  priority: Priority,
  issuedAt: Instant,
  dueAt: Instant,
  below: z.array(OrderBelow),
});
export type OrderDownProgress = z.infer<typeof OrderDownProgress>;

/** One order the caller's office issued down, with how its shares below stand. */
export const OrderDownItem = z.object({
  id: Id,
  serial: z.string(),
  title: z.string(),
  priority: Priority,
  issuedAt: Instant,
  dueAt: Instant,
  /** Shares directly below. */
  shares: z.number().int(),
  closed: z.number().int(),
  /** Shares at 催办 or above. */
  escalated: z.number().int(),
});
export type OrderDownItem = z.infer<typeof OrderDownItem>;

/** The newest orders issued down first, at most `limit` of them. */
export const OrderDownListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OrderDownListQuery = z.infer<typeof OrderDownListQuery>;
