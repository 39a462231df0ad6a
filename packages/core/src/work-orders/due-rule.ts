import { AppError, type IssueWorkOrderInput } from '@lianxi/domain';
import type { DueRule } from '../tasks/create.js';
import type { DeadlineEnv } from '../tasks/deadline-env.js';

/** A work order is work to do, not a plan for the next decade. */
const MAX_LEAD_MS = 2 * 366 * 86_400_000;

/**
 * The rule an order's tasks are due by: the time given, the workdays given, or the policy's
 * limit for its priority. The issue verb and its preview both ask here, so the form shows
 * the day the order will get. `where` names the part of the request a refusal points at.
 */
export function dueRule(
  input: Pick<IssueWorkOrderInput, 'dueAt' | 'dueInWorkdays' | 'priority'>,
  env: DeadlineEnv,
  now: Date,
  where: 'body' | 'querystring' = 'body',
): DueRule {
  if (input.dueAt) {
    const explicit = new Date(input.dueAt);
    if (explicit <= now) {
      throw new AppError('rule_violation', '办理期限必须晚于当前时间', {
        errors: [{ field: `${where}.dueAt`, message: '必须晚于当前时间' }],
      });
    }
    if (explicit.getTime() > now.getTime() + MAX_LEAD_MS) {
      throw new AppError('rule_violation', '办理期限不能超过两年', {
        errors: [{ field: `${where}.dueAt`, message: '不能超过两年' }],
      });
    }
    return { explicit };
  }
  if (input.dueInWorkdays !== undefined) {
    return { duration: { amount: input.dueInWorkdays, unit: 'workday' } };
  }
  return { duration: input.priority === 'urgent' ? env.policy.urgentDue : env.policy.defaultDue };
}
