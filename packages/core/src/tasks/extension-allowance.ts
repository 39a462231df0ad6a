import { chineseDate, type ExtensionAllowance, shift } from '@lianxi/domain';
import type { Ctx } from '../context.js';
import { type DeadlineEnv, loadDeadlineEnv } from './deadline-env.js';
import { findTask } from './row.js';

/** The latest a task may be extended to: the policy's allowance counted from its first due time. */
export const extensionLimit = (env: DeadlineEnv, originalDueAt: Date): Date =>
  shift(env.cal, env.timeZone, originalDueAt, env.policy.maxExtension).at;

/** What the extension picker needs up front, within the caller's scope (else 404). */
export async function extensionAllowance(ctx: Ctx, taskId: string): Promise<ExtensionAllowance> {
  const row = await findTask(ctx, taskId);
  const now = ctx.clock.now();
  const env = await loadDeadlineEnv(ctx, now, { workOrderId: row.workOrderId });
  const limit = extensionLimit(env, row.originalDueAt);
  return {
    currentDueAt: row.dueAt.toISOString(),
    latestDueAt: limit.toISOString(),
    latestDay: chineseDate(limit, env.timeZone),
    canRequest: row.status === 'accepted' && now < row.dueAt && row.dueAt < limit,
  };
}
