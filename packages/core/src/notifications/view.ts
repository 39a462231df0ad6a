import type { Notification } from '@lianxi/domain';
import type { notifications } from '@lianxi/db';

export const toNotification = (n: typeof notifications.$inferSelect): Notification => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  subjectType: n.subjectType,
  subjectId: n.subjectId,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});
