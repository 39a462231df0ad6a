import type { ReadSubjectInput } from '@lianxi/domain';
import { notifications } from '@lianxi/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/**
 * Opening or handling an item reads every notice of the caller's about it, so the badge
 * counts only what still waits to be looked at. Answers how many were marked.
 */
export async function readNoticesAbout(
  ctx: Ctx,
  input: ReadSubjectInput,
): Promise<{ count: number }> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(
      and(
        eq(notifications.userId, ctx.actor.userId ?? ''),
        eq(notifications.subjectType, input.subjectType),
        eq(notifications.subjectId, input.subjectId),
        isNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  return { count: rows.length };
}
