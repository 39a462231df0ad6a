import { type AssignmentRole, type Duration, nextCheckAt, planIssue } from '@lianxi/domain';
import { randomUUID } from 'node:crypto';
import {
  columnsOf,
  type DueBasis,
  fixedStatement,
  rowsOf,
  runFixed,
  taskEvents,
  tasks,
  unnestPlaceholders,
  unnestValues,
} from '@lianxi/db';
import { sql } from 'drizzle-orm';
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

/** What a new task is written with; the rest of its columns take their defaults. */
const ISSUED = {
  id: tasks.id,
  conferenceId: tasks.conferenceId,
  workOrderId: tasks.workOrderId,
  unitId: tasks.unitId,
  role: tasks.role,
  status: tasks.status,
  issuedAt: tasks.issuedAt,
  signDueAt: tasks.signDueAt,
  returnDueAt: tasks.returnDueAt,
  dueAt: tasks.dueAt,
  dueBasis: tasks.dueBasis,
  originalDueAt: tasks.originalDueAt,
  dueSoonAt: tasks.dueSoonAt,
  level1At: tasks.level1At,
  level2At: tasks.level2At,
  level3At: tasks.level3At,
  provisional: tasks.provisional,
  createdAt: tasks.createdAt,
  updatedAt: tasks.updatedAt,
  nextCheckAt: tasks.nextCheckAt,
};
const FIRST_ENTRY = {
  taskId: taskEvents.taskId,
  at: taskEvents.at,
  actorId: taskEvents.actorId,
  actorRole: taskEvents.actorRole,
  action: taskEvents.action,
  toStatus: taskEvents.toStatus,
  note: taskEvents.note,
};
const issuedRows = unnestPlaceholders(ISSUED, 't_');
const entryRows = unnestPlaceholders(FIRST_ENTRY, 'e_');
/** The tasks and their first timeline entries, in one statement. */
const insertIssued = fixedStatement(
  'tasks_issue',
  sql`WITH issued AS (INSERT INTO ${tasks} ${issuedRows.names} ${issuedRows.rows}
                      RETURNING ${columnsOf(tasks)}),
           first_entries AS (INSERT INTO ${taskEvents} ${entryRows.names} ${entryRows.rows})
      SELECT ${columnsOf(tasks)} FROM issued`,
);

/** A unit's share of a work order, with its clocks planned from now and its timer asked for. */
export async function createTask(ctx: Ctx, env: DeadlineEnv, spec: TaskSpec): Promise<TaskRow> {
  const [row] = await createTasks(ctx, env, [spec]);
  return row;
}

/**
 * Several shares at once (a work order to many units): the tasks with their first timeline
 * entries in one statement and their timers in another, with the first check stored as the
 * tasks are written.
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
        officeLevel2At: null,
        officeLevel3At: null,
        ladderLevel: 0,
        officeLadderLevel: 0,
        signReminded: false,
        dueSoonSent: false,
      }),
    );
    return { ...planned, nextCheckAt: first };
  });
  // the ids are chosen here so each timeline entry names its task in the same statement
  const ids = specs.map(() => randomUUID());
  const raw = await runFixed(ctx.db, insertIssued, {
    ...unnestValues(
      ISSUED,
      't_',
      values.map((v, i) => ({ ...v, id: ids[i] })),
    ),
    ...unnestValues(
      FIRST_ENTRY,
      'e_',
      specs.map((spec, i) => ({
        taskId: ids[i],
        at: now,
        actorId: ctx.actor.userId,
        actorRole: ctx.actor.role,
        action: 'issue',
        toStatus: 'issued' as const,
        note: spec.note ?? null,
      })),
    ),
  });
  const byId = new Map(rowsOf(tasks, raw).map((row) => [row.id, row]));
  const rows = ids.map((id) => byId.get(id)!);
  await scheduleClocks(ctx, rows);
  return rows;
}
