import { z } from 'zod';
import { AppError } from '../errors.js';

export const TaskStatus = z.enum([
  'issued',
  'accepted',
  'returned',
  'reported',
  'closed',
  'reassigned',
  'withdrawn',
]);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  issued: '待签收',
  accepted: '办理中',
  returned: '退回待审定',
  reported: '待审核',
  closed: '已办结',
  reassigned: '已改派',
  withdrawn: '已撤回',
};

export const OPEN_STATUSES: readonly TaskStatus[] = ['issued', 'accepted', 'returned', 'reported'];
export const isOpen = (s: TaskStatus) => OPEN_STATUSES.includes(s);
/** Clocks run only while the unit owes the next step; they stop while the office owes it. */
export const CLOCK_RUNS: readonly TaskStatus[] = ['issued', 'accepted'];

export type TaskAction =
  | 'accept'
  | 'return'
  | 'overrule'
  | 'reassign'
  | 'progress'
  | 'report'
  | 'approve'
  | 'reject'
  | 'request_extension'
  | 'decide_extension'
  | 'withdraw'
  | 'urge'
  | 'supervise';

export const TASK_ACTION_LABELS: Record<TaskAction, string> = {
  accept: '签收',
  return: '退回',
  overrule: '审定维持',
  reassign: '改派',
  progress: '报告进展',
  report: '反馈办理结果',
  approve: '审核通过',
  reject: '退回重办',
  request_extension: '申请延期',
  decide_extension: '审批延期',
  withdraw: '撤回',
  urge: '催办',
  supervise: '督办',
};

/** Who acts: the task's own unit, the office, or a supervisor (催办 / 督办 by hand). */
export type TaskActor = 'unit' | 'office' | 'supervisor';

interface Transition {
  from: readonly TaskStatus[];
  /** `previous` returns a task to where it was before it was returned. */
  to: TaskStatus | 'same' | 'previous';
  by: TaskActor;
}

export const TRANSITIONS: Record<TaskAction, Transition> = {
  accept: { from: ['issued'], to: 'accepted', by: 'unit' },
  return: { from: ['issued', 'accepted'], to: 'returned', by: 'unit' },
  overrule: { from: ['returned'], to: 'previous', by: 'office' },
  reassign: { from: ['returned'], to: 'reassigned', by: 'office' },
  progress: { from: ['accepted'], to: 'same', by: 'unit' },
  report: { from: ['accepted'], to: 'reported', by: 'unit' },
  approve: { from: ['reported'], to: 'closed', by: 'office' },
  reject: { from: ['reported'], to: 'accepted', by: 'office' },
  request_extension: { from: ['accepted'], to: 'same', by: 'unit' },
  decide_extension: { from: ['accepted'], to: 'same', by: 'office' },
  withdraw: { from: OPEN_STATUSES, to: 'withdrawn', by: 'office' },
  // by hand, before or after the clock's own level, while the unit owes the next step
  urge: { from: CLOCK_RUNS, to: 'same', by: 'supervisor' },
  supervise: { from: CLOCK_RUNS, to: 'same', by: 'supervisor' },
};

/**
 * The state a task moves to, or a 409 saying, in the clerk's words, why it cannot.
 * `previous` is the status the task had when it was returned.
 */
export function nextStatus(
  current: TaskStatus,
  action: TaskAction,
  previous: TaskStatus | null = null,
): TaskStatus {
  const t = TRANSITIONS[action];
  if (!t.from.includes(current)) {
    throw new AppError(
      'illegal_transition',
      `任务当前状态为“${TASK_STATUS_LABELS[current]}”，不能${TASK_ACTION_LABELS[action]}`,
    );
  }
  if (t.to === 'same') return current;
  if (t.to === 'previous') return previous ?? 'issued';
  return t.to;
}
