import { type Notification, type NotificationQuery, notFound } from '@lianxi/domain';
import { notifications } from '@lianxi/db';
import { and, desc, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
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
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    const when = new Date(String(at));
    where.push(
      or(
        lt(notifications.createdAt, when),
        and(eq(notifications.createdAt, when), lt(notifications.id, String(id))),
      )!,
    );
  }
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map(view);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  };
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
