import type { ReviewInput } from '@lianxi/domain';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { OFFICE_CLEAR, resumeClock } from './pause-resume.js';
import { transitionTask } from './transition.js';

/** 审核: approve closes the task; reject (退回重办) sends it back with its clocks moved on. */
export const reviewTask = (ctx: Ctx, taskId: string, input: ReviewInput) =>
  transitionTask(ctx, taskId, {
    action: input.approve ? 'approve' : 'reject',
    expectedVersion: input.version,
    note: input.comment ?? null,
    change: (row, tx, now) =>
      input.approve ? { ...OFFICE_CLEAR, pausedAt: null } : resumeClock(tx, row, now),
    after: async (task, _before, tx) => {
      await notify(tx, {
        units: [task.unitId],
        kind: input.approve ? 'task.closed' : 'task.rejected',
        title: input.approve ? '任务已审核办结' : '任务被退回重办',
        body: input.comment ?? (input.approve ? '办理结果已通过审核。' : '请按审核意见重新办理。'),
        subjectType: 'task',
        subjectId: task.id,
        dedupeKey: `task-reviewed-${task.id}-${task.version}`,
      });
    },
  });
