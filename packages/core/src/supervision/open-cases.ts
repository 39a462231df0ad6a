import { supervisionCases } from '@lianxi/db';
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/** What a 督办件 is about: a unit's task, or a clue handed to a unit. */
export interface CaseSubject {
  type: 'task' | 'handoff';
  id: string;
  conferenceId: string;
}

/** A subject that has reached 督办 (2) or 挂牌督办 (3), by its clock or by a supervisor's hand. */
export interface CaseWanted {
  subject: CaseSubject;
  level: 2 | 3;
}

const keyOf = (s: { type: string; id: string }) => `${s.type}:${s.id}`;
const SUBJECT_COLUMN = { task: supervisionCases.taskId, handoff: supervisionCases.handoffId };

/**
 * Level 2 opens the supervision case; level 3 raises it. One open case per subject: a
 * subject that reached both levels in one pass gets its case at the higher one.
 */
export async function openOrRaiseCases(ctx: Ctx, wanted: CaseWanted[]) {
  if (!wanted.length) return;
  const highest = new Map<string, CaseWanted>();
  for (const w of wanted) {
    const key = keyOf(w.subject);
    if ((highest.get(key)?.level ?? 0) < w.level) highest.set(key, w);
  }
  const bySubject = (['task', 'handoff'] as const).flatMap((type): SQL[] => {
    const ids = [...highest.values()]
      .filter((w) => w.subject.type === type)
      .map((w) => w.subject.id);
    return ids.length ? [inArray(SUBJECT_COLUMN[type], ids)] : [];
  });
  const open = new Map(
    (
      await ctx.db
        .select({
          id: supervisionCases.id,
          taskId: supervisionCases.taskId,
          handoffId: supervisionCases.handoffId,
          level: supervisionCases.level,
        })
        .from(supervisionCases)
        .where(and(or(...bySubject), eq(supervisionCases.status, 'open')))
    ).map((c) => [
      c.taskId
        ? keyOf({ type: 'task', id: c.taskId })
        : keyOf({ type: 'handoff', id: c.handoffId! }),
      c,
    ]),
  );
  const fresh = [...highest.entries()].filter(([key]) => !open.has(key)).map(([, w]) => w);
  if (fresh.length) {
    const openedAt = ctx.clock.now();
    await ctx.db.insert(supervisionCases).values(
      fresh.map(({ subject, level }) => ({
        conferenceId: subject.conferenceId,
        taskId: subject.type === 'task' ? subject.id : null,
        handoffId: subject.type === 'handoff' ? subject.id : null,
        level,
        openedAt,
      })),
    );
  }
  for (const level of [2, 3] as const) {
    const raised = [...highest.entries()]
      .filter(([key, w]) => w.level === level && (open.get(key)?.level ?? level) < level)
      .map(([key]) => open.get(key)!.id);
    if (raised.length) {
      await ctx.db
        .update(supervisionCases)
        .set({ level })
        .where(inArray(supervisionCases.id, raised));
    }
  }
}

/** The task a clock or a supervisor escalated, as a case's subject. */
export const taskSubject = (task: { id: string; conferenceId: string }): CaseSubject => ({
  type: 'task',
  id: task.id,
  conferenceId: task.conferenceId,
});
