import { type Notification, type NotificationQuery, notFound } from '@lianxi/domain';
import { notifications } from '@lianxi/db';
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { olderThan, timePage } from '../common/keyset.js';
import type { Ctx } from '../context.js';

const view = (n: typeof notifications.$inferSelect): Notification => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  subjectType: n.subjectType,
  subjectId: n.subjectId,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

/** The caller's own inbox, newest first. */
export async function listNotifications(ctx: Ctx, query: NotificationQuery) {
  const userId = ctx.actor.userId ?? '';
  const where: SQL[] = [eq(notifications.userId, userId)];
  if (query.unread) where.push(isNull(notifications.readAt));
  if (query.cursor) where.push(olderThan(query.cursor, notifications.createdAt, notifications.id));
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  return timePage(rows, query.limit, view, (n) => [n.createdAt, n.id]);
}

export async function markNotificationRead(ctx: Ctx, id: string): Promise<Notification> {
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${ctx.clock.now()})` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, ctx.actor.userId ?? '')))
    .returning();
  if (!row) throw notFound('通知');
  return view(row);
}

/** The header badge: how many of the caller's notices are unread, counted by index. */
export async function unreadCount(ctx: Ctx): Promise<{ count: number }> {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, ctx.actor.userId ?? ''), isNull(notifications.readAt)));
  return { count: row.count };
}
