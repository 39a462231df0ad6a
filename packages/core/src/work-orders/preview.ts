import {
  chineseDate,
  chineseDateTime,
  type IssuePreview,
  type IssuePreviewQuery,
  localDate,
  planIssue,
  workdaysBetween,
} from '@lianxi/domain';
import { type Ctx, requireRole } from '../context.js';
import { loadDeadlineEnv } from '../tasks/deadline-env.js';
import { dueRule } from './due-rule.js';

/**
 * The limits an order issued now would get, planned exactly as `issueWorkOrder` plans them
 * (the same due rule and `planIssue`, on the conference's calendar and policy), so the form
 * can show the office the day before it sends the order.
 */
export async function previewIssue(ctx: Ctx, query: IssuePreviewQuery): Promise<IssuePreview> {
  requireRole(ctx, ['office', 'admin']);
  const now = ctx.clock.now();
  const env = await loadDeadlineEnv(ctx, now);
  const due = dueRule(query, env, now, 'querystring');
  const plan = planIssue(env.cal, env.timeZone, env.policy, now, due);
  const limit = (at: Date) => ({
    at: at.toISOString(),
    words: chineseDateTime(at, env.timeZone),
    day: chineseDate(at, env.timeZone),
  });
  const counted = workdaysBetween(
    env.cal,
    localDate(now, env.timeZone),
    localDate(plan.dueAt, env.timeZone),
  );
  return {
    signDue: limit(plan.signDueAt),
    due: limit(plan.dueAt),
    rule: 'duration' in due ? due.duration : null,
    workdays: counted.value,
    provisional: plan.provisional || counted.provisional,
  };
}
