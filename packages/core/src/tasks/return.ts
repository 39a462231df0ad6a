import { AppError, type ReturnTaskInput } from '@lianxi/domain';
import { taskEvents } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { pauseForOffice } from './pause-resume.js';
import { transitionTask } from './transition.js';

/**
 * 退回: not this unit's duty. Allowed within the return window; the unit's clocks stop and
 * the office's ruling clock starts.
 */
export const returnTask = (ctx: Ctx, taskId: string, input: ReturnTaskInput) =>
  transitionTask(ctx, taskId, {
    action: 'return',
    expectedVersion: input.version,
    note: input.reason,
    auditPayload: { reason: input.reason },
    change: async (row, tx, now) => {
      const [overruled] = await tx.db
        .select({ id: taskEvents.id })
        .from(taskEvents)
        .where(and(eq(taskEvents.taskId, row.id), eq(taskEvents.action, 'overrule')))
        .limit(1);
      if (overruled) {
        throw new AppError('rule_violation', '打传办已审定由本单位承办，不能再次退回');
      }
      if (row.returnDueAt && now > row.returnDueAt) {
        throw new AppError(
          'rule_violation',
          '已超过退回时限，请继续办理；确非本单位职责的，请报打传办审定',
        );
      }
      return {
        statusBeforeReturn: row.status,
        ...(await pauseForOffice(tx, row, now, 'rulingWithin')),
      };
    },
    after: async (task, _before, tx) => {
      await notify(tx, {
        roles: ['office'],
        kind: 'task.returned',
        title: '任务被退回，请审定',
        body: `退回理由：${input.reason}`,
        subjectType: 'task',
        subjectId: task.id,
        dedupeKey: `task-returned-${task.id}-${task.version}`,
      });
    },
  });
