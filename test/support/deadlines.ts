import type { TestEnv } from './harness.js';

/**
 * The instants the engine counted for a task on the workday calendar. A test jumps to these
 * rather than by a number of calendar days, which would fall short across a holiday.
 */
export interface TaskInstants {
  signDueAt: Date | null;
  returnDueAt: Date | null;
  dueAt: Date;
  level1At: Date;
  level2At: Date;
  level3At: Date;
  officeDueAt: Date | null;
  officeLevel2At: Date | null;
  officeLevel3At: Date | null;
}

export async function taskInstants(env: TestEnv, taskId: string): Promise<TaskInstants> {
  const [row] = await env.sql<TaskInstants>(
    `SELECT sign_due_at AS "signDueAt", return_due_at AS "returnDueAt", due_at AS "dueAt",
            level1_at AS "level1At", level2_at AS "level2At", level3_at AS "level3At",
            office_due_at AS "officeDueAt", office_level2_at AS "officeLevel2At",
            office_level3_at AS "officeLevel3At"
       FROM tasks WHERE id = $1`,
    [taskId],
  );
  if (!row) throw new Error(`no task ${taskId}`);
  return row;
}

/** The latest of one instant across several tasks: where all of them have got to it. */
export async function latestTaskInstant(
  env: TestEnv,
  taskIds: string[],
  key: keyof TaskInstants,
): Promise<Date> {
  const all = await Promise.all(taskIds.map((id) => taskInstants(env, id)));
  const times = all.map((t) => t[key]?.getTime() ?? Number.NEGATIVE_INFINITY);
  return new Date(Math.max(...times));
}

export interface HandoffInstants {
  signDueAt: Date | null;
  resultDueAt: Date | null;
  level1At: Date | null;
  level2At: Date | null;
  level3At: Date | null;
  appealDueAt: Date | null;
  itemsDueAt: Date | null;
}

export async function handoffInstants(env: TestEnv, handoffId: string): Promise<HandoffInstants> {
  const [row] = await env.sql<HandoffInstants>(
    `SELECT sign_due_at AS "signDueAt", result_due_at AS "resultDueAt", level1_at AS "level1At",
            level2_at AS "level2At", level3_at AS "level3At", appeal_due_at AS "appealDueAt",
            items_due_at AS "itemsDueAt"
       FROM handoffs WHERE id = $1`,
    [handoffId],
  );
  if (!row) throw new Error(`no hand-off ${handoffId}`);
  return row;
}
