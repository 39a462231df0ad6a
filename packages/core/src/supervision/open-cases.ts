import { supervisionCases } from '@lianxi/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/** A task that has reached 督办 (2) or 挂牌督办 (3), by its clock or by a supervisor's hand. */
export interface CaseWanted {
  task: { id: string; conferenceId: string };
  level: 2 | 3;
}

/**
 * Level 2 opens the supervision case; level 3 raises it. One open case per task: a task
 * that reached both levels in one pass gets its case at the higher one.
 */
export async function openOrRaiseCases(ctx: Ctx, wanted: CaseWanted[]) {
  if (!wanted.length) return;
  const highest = new Map<string, CaseWanted>();
  for (const w of wanted) {
    if ((highest.get(w.task.id)?.level ?? 0) < w.level) highest.set(w.task.id, w);
  }
  const open = new Map(
    (
      await ctx.db
        .select({
          id: supervisionCases.id,
          taskId: supervisionCases.taskId,
          level: supervisionCases.level,
        })
        .from(supervisionCases)
        .where(
          and(
            inArray(supervisionCases.taskId, [...highest.keys()]),
            eq(supervisionCases.status, 'open'),
          ),
        )
    ).map((c) => [c.taskId, c]),
  );
  const fresh = [...highest.values()].filter(({ task }) => !open.has(task.id));
  if (fresh.length) {
    const openedAt = ctx.clock.now();
    await ctx.db.insert(supervisionCases).values(
      fresh.map(({ task, level }) => ({
        conferenceId: task.conferenceId,
        taskId: task.id,
        level,
        openedAt,
      })),
    );
  }
  for (const level of [2, 3] as const) {
    const raised = [...highest.values()]
      .filter((w) => w.level === level && (open.get(w.task.id)?.level ?? level) < level)
      .map((w) => open.get(w.task.id)!.id);
    if (raised.length) {
      await ctx.db
        .update(supervisionCases)
        .set({ level })
        .where(inArray(supervisionCases.id, raised));
    }
  }
}
