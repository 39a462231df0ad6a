import type { ReadAllNotificationsInput } from '@lianxi/domain';
import type { Ctx } from '../context.js';
import { noticesMatching } from './list.js';
import { markUnreadRead } from './mark-read.js';

/**
 * 全部标为已读: every unread notice of the caller's that the inbox's filters match, on every
 * page and not only the one shown. Answers how many were marked.
 */
export async function readAllNotifications(
  ctx: Ctx,
  filter: ReadAllNotificationsInput,
): Promise<{ count: number }> {
  return markUnreadRead(ctx, noticesMatching(ctx, filter));
}
