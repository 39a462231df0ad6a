import { notifications } from '@lianxi/db';
import { and, isNull, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/** Reads every unread notice matching `where` (already the caller's own); answers how many. */
export async function markUnreadRead(ctx: Ctx, where: SQL[]): Promise<{ count: number }> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: ctx.clock.now() })
    .where(and(...where, isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { count: rows.length };
}
