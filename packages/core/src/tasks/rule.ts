import { AppError, OPEN_STATUSES, type RulingInput } from '@lianxi/domain';
import { tasks } from '@lianxi/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { findUnit } from '../units/read.js';
import { dueRuleOf, createTask } from './create.js';
import { loadDeadlineEnv } from './deadline-env.js';
import { OFFICE_CLEAR, resumeClock } from './pause-resume.js';
import { transitionTask } from './transition.js';

/**
 * 审定: the office rules on a return. Overruled, the task goes back to where it was with its
 * deadlines moved on by the wait; reassigned, it ends and a new task goes to the other unit.
 */
export async function ruleOnReturn(ctx: Ctx, taskId: string, input: RulingInput) {
  if (input.decision === 'overrule') {
    return transitionTask(ctx, taskId, {
      action: 'overrule',
      expectedVersion: input.version,
      note: input.comment ?? null,
      change: async (row, tx, now) => ({
        ...(await resumeClock(tx, row, now)),
        statusBeforeReturn: null,
      }),
      after: async (task, _before, tx) => {
        await notify(tx, {
          units: [task.unitId],
          kind: 'task.overruled',
          title: '退回未获同意，请继续办理',
          body: input.comment ?? '经审定，该任务仍由你单位承办，期限已顺延。',
          subjectType: 'task',
          subjectId: task.id,
          dedupeKey: `task-overruled-${task.id}-${task.version}`,
        });
      },
    });
  }
  const newUnitId = input.unitId!;
  return transitionTask(ctx, taskId, {
    action: 'reassign',
    expectedVersion: input.version,
    note: input.comment ?? null,
    auditPayload: { toUnitId: newUnitId },
    change: async (row, tx) => {
      await findUnit(tx, newUnitId).catch(() => {
        throw new AppError('rule_violation', '改派的单位不存在', {
          errors: [{ field: 'body.unitId', message: '单位不存在' }],
        });
      });
      const [busy] = await tx.db
        .select({ id: tasks.id })
        .from(tasks)
        .where(
          and(
            eq(tasks.workOrderId, row.workOrderId),
            eq(tasks.unitId, newUnitId),
            inArray(tasks.status, [...OPEN_STATUSES]),
          ),
        );
      if (busy) throw new AppError('rule_violation', '该单位已承办此交办单中的任务');
      return { pausedAt: null, ...OFFICE_CLEAR, statusBeforeReturn: null };
    },
    after: async (_task, before, tx) => {
      const now = ctx.clock.now();
      const env = await loadDeadlineEnv(tx, now, { workOrderId: before.workOrderId });
      // The new unit keeps a fixed due time only while it still lies ahead; otherwise it
      // gets the policy's full limit from now rather than a task that is born overdue.
      const kept = dueRuleOf(before.dueBasis);
      const due =
        'explicit' in kept && kept.explicit <= now ? { duration: env.policy.defaultDue } : kept;
      const created = await createTask(tx, env, {
        workOrderId: before.workOrderId,
        unitId: newUnitId,
        role: before.role,
        due,
        note: `由其他单位退回后改派${input.comment ? `：${input.comment}` : ''}`,
      });
      await notify(tx, {
        units: [newUnitId],
        kind: 'task.issued',
        title: '收到改派的交办任务，请签收',
        body: input.comment ?? '打传办审定后改派你单位承办。',
        subjectType: 'task',
        subjectId: created.id,
        dedupeKey: `task-issued-${created.id}`,
      });
    },
  });
}
