import { z } from 'zod';
import { Id, Instant, Text } from '../common/schemas.js';
import { Day, Keyword, Level, listQuery } from '../common/list-query.js';
import { TaskStatus } from '../tasks/status.js';

export const OverdueItem = z.object({
  taskId: Id,
  workOrderId: Id,
  serial: z.string(),
  title: z.string(),
  unitId: Id,
  unitName: z.string(),
  status: TaskStatus,
  dueAt: Instant,
  escalationLevel: z.number().int(),
  colour: z.enum(['blue', 'yellow', 'orange', 'red']),
  redFlag: z.boolean(),
  caseId: Id.nullable(),
  /** Who owes the next step: the unit, or the office past its own ruling or review limit. */
  owedBy: z.enum(['unit', 'office']),
});
export type OverdueItem = z.infer<typeof OverdueItem>;

export const SupervisionOpinion = z.object({
  id: Id,
  authorId: Id.nullable(),
  text: z.string(),
  at: Instant,
});
export type SupervisionOpinion = z.infer<typeof SupervisionOpinion>;

/** A 督办件 is about a unit's task or a clue handed to a unit (移送件). */
export const CaseSubjectType = z.enum(['task', 'handoff']);
export type CaseSubjectType = z.infer<typeof CaseSubjectType>;

export const SupervisionCase = z.object({
  id: Id,
  subjectType: CaseSubjectType,
  /** The task, for a task's case. */
  taskId: Id.nullable(),
  /** The hand-off, for a hand-off's case. */
  handoffId: Id.nullable(),
  /** The work order's serial and title, or the clue's serial and subject. */
  serial: z.string(),
  title: z.string(),
  /** The unit that owes the next step: the task's unit, or the unit the clue was handed to. */
  unitId: Id,
  level: z.number().int(),
  status: z.enum(['open', 'closed']),
  openedAt: Instant,
  closedAt: Instant.nullable(),
  conclusion: z.string().nullable(),
  accountability: z.string().nullable(),
});
export type SupervisionCase = z.infer<typeof SupervisionCase>;

export const SupervisionCaseDetail = SupervisionCase.extend({
  opinions: z.array(SupervisionOpinion),
});
export type SupervisionCaseDetail = z.infer<typeof SupervisionCaseDetail>;

/** 督办件: keyword over the serial and title; `unitId` the unit that owes the next step. */
export const CaseListQuery = listQuery(
  {
    q: Keyword,
    subjectType: CaseSubjectType.optional(),
    status: z.enum(['open', 'closed']).optional(),
    unitId: Id.optional(),
    level: Level.optional(),
    from: Day.optional(),
    to: Day.optional(),
  },
  ['openedAt', 'level'],
);
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const OpinionInput = z.object({ text: Text(1, 5000) });
export type OpinionInput = z.infer<typeof OpinionInput>;
export const CloseCaseInput = z.object({
  conclusion: Text(2, 5000),
  accountability: Text(1, 5000).optional(),
});
export type CloseCaseInput = z.infer<typeof CloseCaseInput>;

export const Notification = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  createdAt: Instant,
  readAt: Instant.nullable(),
});
export type Notification = z.infer<typeof Notification>;

/** The item a user opened or handled: every unread notice of theirs about it is read. */
export const ReadSubjectInput = z.object({
  subjectType: z.enum([
    'task',
    'work_order',
    'clue',
    'handoff',
    'supervision_case',
    'letter',
    'meeting',
    'stat_report',
    'briefing',
  ]),
  subjectId: Id,
});
export type ReadSubjectInput = z.infer<typeof ReadSubjectInput>;
