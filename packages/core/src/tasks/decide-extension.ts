import {
  AppError,
  chineseDate,
  type ExtensionDecisionInput,
  type ExtensionRequest,
  notFound,
  planAroundDue,
} from '@lianxi/domain';
import { extensionRequests } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { withTransaction } from '../transaction.js';
import { dueBasisOf } from './create.js';
import { loadDeadlineEnv } from './deadline-env.js';
import { type ExtensionRow, toExtension } from './extensions.js';
import { transitionTask } from './transition.js';

/**
 * The office decides a pending extension. Approved, the task gets the new due time, a new
 * deadline version and a fresh ladder; denied, nothing about its clocks changes.
 */
export async function decideExtension(
  ctx: Ctx,
  requestId: string,
  input: ExtensionDecisionInput,
): Promise<ExtensionRequest> {
  return withTransaction(ctx, async (tx) => {
    const [request] = await tx.db
      .select()
      .from(extensionRequests)
      .where(
        and(
          eq(extensionRequests.id, requestId),
          eq(extensionRequests.conferenceId, ctx.conferenceId),
        ),
      )
      .for('update');
    if (!request) throw notFound('延期申请');
    if (request.status !== 'pending') throw new AppError('conflict', '该延期申请已审批');
    const now = ctx.clock.now();
    const { timeZone } = await loadDeadlineEnv(tx, now);
    // the 办理记录 says what was decided, not only that something was
    const decision = input.approve
      ? `同意延期至 ${chineseDate(request.requestedDueAt, timeZone)}`
      : '不同意延期，仍按原期限办理';
    await transitionTask(tx, request.taskId, {
      action: 'decide_extension',
      note: input.comment ? `${decision}。${input.comment}` : decision,
      auditPayload: { requestId, approve: input.approve },
      change: async (row, inner) => {
        if (!input.approve) return {};
        if (request.requestedDueAt <= now) {
          throw new AppError(
            'rule_violation',
            '申请的新期限已过，不能再批准，请驳回后由承办单位重新申请',
          );
        }
        const env = await loadDeadlineEnv(inner, now, { workOrderId: row.workOrderId });
        const plan = planAroundDue(env.cal, env.timeZone, env.policy, request.requestedDueAt);
        return {
          dueAt: plan.dueAt,
          dueBasis: dueBasisOf({ explicit: plan.dueAt }, now),
          dueSoonAt: plan.dueSoonAt,
          level1At: plan.levelAt[0],
          level2At: plan.levelAt[1],
          level3At: plan.levelAt[2],
          provisional: plan.provisional,
          waitedMs: 0,
          deadlineVersion: row.deadlineVersion + 1,
          // The new deadline starts a new ladder; what was reached stays in the history and a
          // red flag stays raised for the assessment.
          ladderLevel: 0,
          escalationLevel: 0,
          dueSoonSent: false,
        };
      },
      after: async (task, _before, inner) => {
        await notify(inner, {
          units: [task.unitId],
          kind: input.approve ? 'extension.approved' : 'extension.denied',
          title: input.approve
            ? `延期申请已批准，新期限 ${chineseDate(task.dueAt, timeZone)}`
            : '延期申请未获批准',
          body: input.comment ?? (input.approve ? '请在新的期限内办结。' : '请在原期限内办结。'),
          subjectType: 'task',
          subjectId: task.id,
          dedupeKey: `extension-decided-${requestId}`,
        });
      },
    });
    const [decided] = await tx.db
      .update(extensionRequests)
      .set({
        status: input.approve ? 'approved' : 'denied',
        decidedBy: ctx.actor.userId,
        decidedAt: now,
        comment: input.comment ?? null,
      })
      .where(eq(extensionRequests.id, requestId))
      .returning();
    return toExtension(decided as ExtensionRow);
  });
}
