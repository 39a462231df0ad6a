import type { ReportInput } from '@lianxi/domain';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { pauseForOffice } from './pause-resume.js';
import { transitionTask } from './transition.js';

/** 反馈: the unit reports its result; its clocks stop while the office owes a review. */
export const reportTask = (ctx: Ctx, taskId: string, input: ReportInput) =>
  transitionTask(ctx, taskId, {
    action: 'report',
    expectedVersion: input.version,
    note: input.summary,
    change: (row, tx, now) => pauseForOffice(tx, row, now, 'reviewWithin'),
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
