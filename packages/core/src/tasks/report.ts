import { type ReportInput, shift } from '@lianxi/domain';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { loadDeadlineEnv } from './deadline-env.js';
import { transitionTask } from './transition.js';

/** 反馈: the unit reports its result; its clocks stop while the office owes a review. */
export const reportTask = (ctx: Ctx, taskId: string, input: ReportInput) =>
  transitionTask(ctx, taskId, {
    action: 'report',
    expectedVersion: input.version,
    note: input.summary,
    change: async (_row, tx, now) => {
      const env = await loadDeadlineEnv(tx, now);
      return {
        pausedAt: now,
        officeDueAt: shift(env.cal, env.timeZone, now, env.policy.reviewWithin).at,
        officeReminded: false,
      };
    },
    after: async (task, _before, tx) => {
      await notify(tx, {
        roles: ['office'],
        kind: 'task.reported',
        title: '承办单位已反馈，请审核',
        body: input.summary.slice(0, 200),
        subjectType: 'task',
        subjectId: task.id,
        dedupeKey: `task-reported-${task.id}-${task.version}`,
      });
    },
  });
