import { type Notification, notFound } from '@lianxi/domain';
import { notifications } from '@lianxi/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { toNotification } from './view.js';

export async function markNotificationRead(ctx: Ctx, id: string): Promise<Notification> {
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${ctx.clock.now()})` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.userId ?? '')))
    .returning();
  if (!row) throw notFound('通知');
  return toNotification(row);
}

/** The header badge: how many of the caller's notices are unread, counted by index. */
export async function unreadCount(ctx: Ctx): Promise<{ count: number }> {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, ctx.actor.userId ?? ''), isNull(notifications.readAt)));
  return { count: row.count };
}
