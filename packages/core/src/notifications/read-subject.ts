import type { ReadSubjectInput } from '@lianxi/domain';
import { notifications } from '@lianxi/db';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { markUnreadRead } from './mark-read.js';

/**
 * Opening or handling an item reads every notice of the caller's about it, so the badge
 * counts only what still waits to be looked at. Answers how many were marked.
 */
export async function readNoticesAbout(
  ctx: Ctx,
  input: ReadSubjectInput,
): Promise<{ count: number }> {
  return markUnreadRead(ctx, [
    eq(notifications.userId, ctx.actor.userId ?? ''),
    eq(notifications.subjectType, input.subjectType),
    eq(notifications.subjectId, input.subjectId),
  ]);
}
