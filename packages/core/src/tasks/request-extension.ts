import {
  AppError,
  chineseDate,
  type ExtensionRequest,
  type ExtensionRequestInput,
} from '@lianxi/domain';
import { extensionRequests } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { loadDeadlineEnv } from './deadline-env.js';
import { extensionLimit } from './extension-allowance.js';
import { type ExtensionRow, toExtension } from './extensions.js';
import { transitionTask } from './transition.js';

/**
 * 延期申请: before the task is due, to a later time within the policy's total allowance.
 * One request may be pending at a time.
 */
export async function requestExtension(
  ctx: Ctx,
  taskId: string,
  input: ExtensionRequestInput,
): Promise<ExtensionRequest> {
  const requestedDueAt = new Date(input.requestedDueAt);
  let created: ExtensionRow | undefined;
  await transitionTask(ctx, taskId, {
    action: 'request_extension',
    note: input.reason,
    auditPayload: { requestedDueAt: input.requestedDueAt },
    change: async (row, tx, now) => {
      if (now >= row.dueAt) {
        throw new AppError('rule_violation', '任务已到期，不能再申请延期');
      }
      if (requestedDueAt <= row.dueAt) {
        throw new AppError('rule_violation', '申请的新期限必须晚于当前期限', {
          errors: [{ field: 'body.requestedDueAt', message: '必须晚于当前期限' }],
        });
      }
      const env = await loadDeadlineEnv(tx, now, { workOrderId: row.workOrderId });
      const limit = extensionLimit(env, row.originalDueAt);
      if (requestedDueAt > limit) {
        throw new AppError(
          'rule_violation',
          `延期累计不得超过规定上限，最晚可延期至 ${chineseDate(limit, env.timeZone)}`,
          {
            errors: [{ field: 'body.requestedDueAt', message: '超过延期上限' }],
          },
        );
      }
      const [pending] = await tx.db
        .select({ id: extensionRequests.id })
        .from(extensionRequests)
        .where(and(eq(extensionRequests.taskId, row.id), eq(extensionRequests.status, 'pending')));
      if (pending) throw new AppError('conflict', '已有一项延期申请待审批');
      return {};
    },
    after: async (task, _before, tx) => {
      [created] = await tx.db
        .insert(extensionRequests)
        .values({
          conferenceId: task.conferenceId,
          taskId: task.id,
          requestedDueAt,
          reason: input.reason,
          requestedBy: ctx.actor.userId,
          requestedAt: ctx.clock.now(),
        })
        .returning();
      await notify(tx, {
        roles: ['office'],
        kind: 'extension.requested',
        title: '收到延期申请，请审批',
        body: input.reason,
        subjectType: 'task',
        subjectId: task.id,
        dedupeKey: `extension-requested-${created.id}`,
      });
    },
  });
  return toExtension(created!);
}
