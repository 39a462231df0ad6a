import { type AssignmentRole, type Duration, planIssue } from '@lianxi/domain';
import { type DueBasis, taskEvents, tasks } from '@lianxi/db';
import type { Ctx } from '../context.js';
import type { DeadlineEnv } from './deadline-env.js';
import type { TaskRow } from './row.js';
import { scheduleClock } from './schedule.js';

export type DueRule = { explicit: Date } | { duration: Duration };

export const dueBasisOf = (rule: DueRule, from: Date): DueBasis =>
  'explicit' in rule
    ? { kind: 'explicit', at: rule.explicit.toISOString() }
    : { kind: 'duration', from: from.toISOString(), ...rule.duration };

export const dueRuleOf = (basis: DueBasis): DueRule =>
  basis.kind === 'explicit'
    ? { explicit: new Date(basis.at) }
    : { duration: { amount: basis.amount, unit: basis.unit as Duration['unit'] } };

/** A unit's share of a work order, with its clocks planned from now and its timer asked for. */
export async function createTask(
  ctx: Ctx,
  env: DeadlineEnv,
  spec: { workOrderId: string; unitId: string; role: AssignmentRole; due: DueRule; note?: string },
): Promise<TaskRow> {
  const now = ctx.clock.now();
  const plan = planIssue(env.cal, env.timeZone, env.policy, now, spec.due);
  const [row] = await ctx.db
    .insert(tasks)
    .values({
      conferenceId: ctx.conferenceId,
      workOrderId: spec.workOrderId,
      unitId: spec.unitId,
      role: spec.role,
      status: 'issued',
      issuedAt: now,
      signDueAt: plan.signDueAt,
      returnDueAt: plan.returnDueAt,
      dueAt: plan.dueAt,
      dueBasis: dueBasisOf(spec.due, now),
      originalDueAt: plan.dueAt,
      dueSoonAt: plan.dueSoonAt,
      level1At: plan.levelAt[0],
      level2At: plan.levelAt[1],
      level3At: plan.levelAt[2],
      provisional: plan.provisional,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await ctx.db.insert(taskEvents).values({
    taskId: row.id,
    at: now,
    actorId: ctx.actor.userId,
    actorRole: ctx.actor.role,
    action: 'issue',
    fromStatus: null,
    toStatus: 'issued',
    note: spec.note ?? null,
  });
  await scheduleClock(ctx, row);
  return row;
}
