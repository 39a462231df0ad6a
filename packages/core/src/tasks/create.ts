import { type AssignmentRole, type Duration, nextCheckAt, planIssue } from '@lianxi/domain';
import { type DueBasis, taskEvents, tasks } from '@lianxi/db';
import type { Ctx } from '../context.js';
import type { DeadlineEnv } from './deadline-env.js';
import { type TaskRow, toClock } from './row.js';
import { scheduleClocks } from './schedule.js';

export type DueRule = { explicit: Date } | { duration: Duration };

export const dueBasisOf = (rule: DueRule, from: Date): DueBasis =>
  'explicit' in rule
    ? { kind: 'explicit', at: rule.explicit.toISOString() }
    : { kind: 'duration', from: from.toISOString(), ...rule.duration };

export const dueRuleOf = (basis: DueBasis): DueRule =>
  basis.kind === 'explicit'
    ? { explicit: new Date(basis.at) }
    : { duration: { amount: basis.amount, unit: basis.unit as Duration['unit'] } };

export interface TaskSpec {
  workOrderId: string;
  unitId: string;
  role: AssignmentRole;
  due: DueRule;
  note?: string;
}

/** A unit's share of a work order, with its clocks planned from now and its timer asked for. */
export async function createTask(ctx: Ctx, env: DeadlineEnv, spec: TaskSpec): Promise<TaskRow> {
  const [row] = await createTasks(ctx, env, [spec]);
  return row;
}

/**
 * Several shares at once (a work order to many units): the tasks, their first timeline
 * entries and their timers each in one statement, with the first check stored as the tasks
 * are written.
 */
export async function createTasks(
  ctx: Ctx,
  env: DeadlineEnv,
  specs: TaskSpec[],
): Promise<TaskRow[]> {
  if (!specs.length) return [];
  const now = ctx.clock.now();
  const values = specs.map((spec) => {
    const plan = planIssue(env.cal, env.timeZone, env.policy, now, spec.due);
    const planned = {
      conferenceId: ctx.conferenceId,
      workOrderId: spec.workOrderId,
      unitId: spec.unitId,
      role: spec.role,
      status: 'issued' as const,
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
    };
    const first = nextCheckAt(
      toClock({
        ...planned,
        officeDueAt: null,
        ladderLevel: 0,
        signReminded: false,
        dueSoonSent: false,
        officeReminded: false,
      }),
    );
    return { ...planned, nextCheckAt: first };
  });
  const rows = await ctx.db.insert(tasks).values(values).returning();
  await ctx.db.insert(taskEvents).values(
    rows.map((row, i) => ({
      taskId: row.id,
      at: now,
      actorId: ctx.actor.userId,
      actorRole: ctx.actor.role,
      action: 'issue',
      fromStatus: null,
      toStatus: 'issued' as const,
      note: specs[i].note ?? null,
    })),
  );
  await scheduleClocks(ctx, rows);
  return rows;
}
