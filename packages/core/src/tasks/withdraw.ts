import type { WithdrawInput } from '@lianxi/domain';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { OFFICE_CLEAR } from './pause-resume.js';
import { transitionTask } from './transition.js';

/** 撤回: the office takes back an open task; its clocks end. */
export const withdrawTask = (ctx: Ctx, taskId: string, input: WithdrawInput) =>
  transitionTask(ctx, taskId, {
    action: 'withdraw',
    expectedVersion: input.version,
    note: input.reason,
    change: () => ({ ...OFFICE_CLEAR, pausedAt: null }),
    after: async (task, _before, tx) => {
      await notify(tx, {
        units: [task.unitId],
        kind: 'task.withdrawn',
        title: '任务已被打传办撤回',
        body: input.reason,
        subjectType: 'task',
        subjectId: task.id,
        dedupeKey: `task-withdrawn-${task.id}`,
      });
    },
  });
