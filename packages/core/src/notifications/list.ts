import type { NotificationQuery, ReadAllNotificationsInput } from '@lianxi/domain';
import { notifications } from '@lianxi/db';
import { eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { dayRange, fromTable, keywordIn, listPage } from '../common/list.js';
import type { Ctx } from '../context.js';
import { toNotification } from './view.js';

/** The caller's own notices matching the inbox's filters (the list's and 全部标为已读's). */
export function noticesMatching(ctx: Ctx, filter: ReadAllNotificationsInput): SQL[] {
  const where: SQL[] = [eq(notifications.userId, ctx.actor.userId ?? '')];
  if (filter.q) where.push(keywordIn(filter.q, [notifications.title, notifications.body]));
  if (filter.subjectType === 'other') where.push(isNull(notifications.subjectType));
  else if (filter.subjectType) where.push(eq(notifications.subjectType, filter.subjectType));
  where.push(...dayRange(notifications.createdAt, filter.from, filter.to));
  return where;
}

/** The caller's own inbox, newest first, or by page number with its total. */
export async function listNotifications(ctx: Ctx, query: NotificationQuery) {
  const where = noticesMatching(ctx, query);
  if (query.status === 'unread' || query.unread) where.push(isNull(notifications.readAt));
  if (query.status === 'read') where.push(isNotNull(notifications.readAt));
  return listPage(query, where, {
    ...fromTable(ctx.db, notifications),
    time: notifications.createdAt,
    id: notifications.id,
    key: (n) => [n.createdAt, n.id],
    sorts: { createdAt: notifications.createdAt },
    view: toNotification,
  });
}
