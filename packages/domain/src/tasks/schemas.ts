import { z } from 'zod';
import { Id, Instant, Text } from '../common/schemas.js';
import { Day, Keyword, Level, listFilters, listQuery, severalOf } from '../common/list-query.js';
import { TaskStatus } from './status.js';

export const Priority = z.enum(['normal', 'urgent']);
export type Priority = z.infer<typeof Priority>;
export const AssignmentRole = z.enum(['lead', 'assist']);
export type AssignmentRole = z.infer<typeof AssignmentRole>;

export const IssueWorkOrderInput = z
  .object({
    title: Text(2, 200),
    body: Text(1, 10_000),
    priority: Priority.default('normal'),
    dueAt: Instant.optional(),
    dueInWorkdays: z.number().int().min(0).max(250).optional(),
    assignments: z
      .array(z.object({ unitId: Id, role: AssignmentRole }))
      .min(1)
      .max(100),
  })
  .superRefine((o, ctx) => {
    const leads = o.assignments.filter((a) => a.role === 'lead').length;
    if (leads !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['assignments'],
        message: '必须且只能指定一个主办单位',
      });
    }
    if (new Set(o.assignments.map((a) => a.unitId)).size !== o.assignments.length) {
      ctx.addIssue({ code: 'custom', path: ['assignments'], message: '同一单位不能重复指派' });
    }
    if (o.dueAt !== undefined && o.dueInWorkdays !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['dueAt'],
        message: 'dueAt 与 dueInWorkdays 只能二选一',
      });
    }
  });
export type IssueWorkOrderInput = z.infer<typeof IssueWorkOrderInput>;

export const TaskSummary = z.object({
  id: Id,
  workOrderId: Id,
  serial: z.string(),
  title: z.string(),
  unitId: Id,
  role: AssignmentRole,
  status: TaskStatus,
  signDueAt: Instant.nullable(),
  dueAt: Instant,
  escalationLevel: z.number().int().min(0).max(3),
  deadlineVersion: z.number().int(),
  version: z.number().int(),
  provisional: z.boolean(),
  redFlag: z.boolean(),
});
export type TaskSummary = z.infer<typeof TaskSummary>;

export const TaskEvent = z.object({
  /** Evidence files name the entry they belong to by this id. */
  id: z.number().int(),
  at: Instant,
  action: z.string(),
  actorId: Id.nullable(),
  actorRole: z.string(),
  /** The person's name and unit now (null for the system's own work, e.g. escalations). */
  actorName: z.string().nullable(),
  actorUnit: z.string().nullable(),
  fromStatus: TaskStatus.nullable(),
  toStatus: TaskStatus.nullable(),
  note: z.string().nullable(),
});
export type TaskEvent = z.infer<typeof TaskEvent>;

export const TaskDetail = TaskSummary.extend({
  body: z.string(),
  priority: Priority,
  returnDueAt: Instant.nullable(),
  officeDueAt: Instant.nullable(),
  events: z.array(TaskEvent),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const WorkOrder = z.object({
  id: Id,
  serial: z.string(),
  title: z.string(),
  body: z.string(),
  priority: Priority,
  status: z.enum(['open', 'closed', 'withdrawn']),
  issuedAt: Instant,
  dueAt: Instant,
  /** The meeting resolution this order carries out. */
  resolutionId: Id.nullable(),
  /** A share of a higher conference's order (向下级交办), which its office may split. */
  fromAbove: z.boolean(),
  tasks: z.array(TaskSummary),
});
export type WorkOrder = z.infer<typeof WorkOrder>;

export const WorkOrderListItem = WorkOrder.omit({ tasks: true, body: true, fromAbove: true });
export type WorkOrderListItem = z.infer<typeof WorkOrderListItem>;

/** 交办单: a unit filter finds the orders that unit has a task in. */
export const WorkOrderListQuery = listQuery(
  {
    q: Keyword,
    status: WorkOrder.shape.status.optional(),
    priority: Priority.optional(),
    unitId: Id.optional(),
    dueFrom: Day.optional(),
    dueTo: Day.optional(),
    issuedFrom: Day.optional(),
    issuedTo: Day.optional(),
  },
  ['dueAt', 'issuedAt'],
);
export type WorkOrderListQuery = z.infer<typeof WorkOrderListQuery>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** 全部任务 / 我的任务: the search bar's fields (README "Lists"); the export takes the same. */
const TaskListFilters = {
  /** serial or title */
  q: Keyword,
  /** one status, or several for a tab (待签收 / 办理中 / …): `status=accepted,returned` */
  status: severalOf(TaskStatus, '任务状态').optional(),
  overdue: booleanQuery.optional(),
  unitId: Id.optional(),
  workOrderId: Id.optional(),
  /** escalation level: 0 none, 1 催办 (yellow), 2 督办 (orange), 3 挂牌督办 (red) */
  level: Level.optional(),
  dueFrom: Day.optional(),
  dueTo: Day.optional(),
  issuedFrom: Day.optional(),
  issuedTo: Day.optional(),
};
export const TaskListQuery = listQuery(TaskListFilters, ['dueAt', 'level', 'issuedAt']);
export type TaskListQuery = z.infer<typeof TaskListQuery>;
/** 任务台账 (.xlsx): the list's filters, every matching row. */
export const TaskExportQuery = listFilters(TaskListFilters);
export type TaskExportQuery = z.infer<typeof TaskExportQuery>;
/** What both the list and the export narrow by. */
export type TaskFilters = TaskExportQuery;

/** Every action may carry the version the caller saw; a mismatch is a 409. */
const Versioned = { version: z.number().int().min(1).optional() };
export const AcceptTaskInput = z.object({ ...Versioned }).default({});
export type AcceptTaskInput = z.infer<typeof AcceptTaskInput>;
export const ReturnTaskInput = z.object({ reason: Text(2, 2000), ...Versioned });
export type ReturnTaskInput = z.infer<typeof ReturnTaskInput>;
export const ProgressInput = z.object({ note: Text(1, 5000), ...Versioned });
export type ProgressInput = z.infer<typeof ProgressInput>;
/** 催办 / 督办 by a supervisor's hand: what the unit is told to do, in the supervisor's words. */
export const UrgeTaskInput = z.object({ note: Text(1, 2000), ...Versioned });
export type UrgeTaskInput = z.infer<typeof UrgeTaskInput>;
export const ReportInput = z.object({ summary: Text(1, 10_000), ...Versioned });
export type ReportInput = z.infer<typeof ReportInput>;
export const ReviewInput = z.object({
  approve: z.boolean(),
  comment: Text(1, 5000).optional(),
  ...Versioned,
});
export type ReviewInput = z.infer<typeof ReviewInput>;
export const RulingInput = z
  .object({
    decision: z.enum(['reassign', 'overrule']),
    unitId: Id.optional(),
    comment: Text(1, 5000).optional(),
    ...Versioned,
  })
  .refine((r) => (r.decision === 'reassign') === (r.unitId !== undefined), {
    message: '改派时必须指定新的承办单位，维持时不得指定',
    path: ['unitId'],
  });
export type RulingInput = z.infer<typeof RulingInput>;
export const WithdrawInput = z.object({ reason: Text(2, 2000), ...Versioned });
export type WithdrawInput = z.infer<typeof WithdrawInput>;

export const ExtensionRequestInput = z.object({
  requestedDueAt: Instant,
  reason: Text(2, 2000),
});
export type ExtensionRequestInput = z.infer<typeof ExtensionRequestInput>;
export const ExtensionDecisionInput = z.object({
  approve: z.boolean(),
  comment: Text(1, 2000).optional(),
});
export type ExtensionDecisionInput = z.infer<typeof ExtensionDecisionInput>;
/** How far a task may still be extended: the picker disables every day after `latestDueAt`. */
export const ExtensionAllowance = z.object({
  currentDueAt: Instant,
  latestDueAt: Instant,
  /** The same day in words, as messages give it: "2026年12月23日（星期三）". */
  latestDay: z.string(),
  canRequest: z.boolean(),
});
export type ExtensionAllowance = z.infer<typeof ExtensionAllowance>;
export const ExtensionRequest = z.object({
  id: Id,
  taskId: Id,
  requestedDueAt: Instant,
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'denied']),
  requestedAt: Instant,
  decidedAt: Instant.nullable(),
  comment: z.string().nullable(),
});
export type ExtensionRequest = z.infer<typeof ExtensionRequest>;

export const EscalationReason = z.enum(['unsigned', 'overdue', 'office_overdue']);
export type EscalationReason = z.infer<typeof EscalationReason>;
export const Escalation = z.object({
  level: z.number().int(),
  reason: EscalationReason,
  at: Instant,
  deadlineVersion: z.number().int(),
});
export type Escalation = z.infer<typeof Escalation>;
