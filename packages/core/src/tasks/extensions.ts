import type { ExtensionRequest } from '@lianxi/domain';
import { extensionRequests } from '@lianxi/db';
import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { findTask } from './row.js';

export type ExtensionRow = typeof extensionRequests.$inferSelect;

export const toExtension = (r: ExtensionRow): ExtensionRequest => ({
  id: r.id,
  taskId: r.taskId,
  requestedDueAt: r.requestedDueAt.toISOString(),
  reason: r.reason,
  status: r.status,
  requestedAt: r.requestedAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
  comment: r.comment,
});

/** A task's extension requests, newest first, within the caller's scope. */
export async function listExtensionRequests(ctx: Ctx, taskId: string) {
  await findTask(ctx, taskId);
  const rows = await ctx.db
    .select()
    .from(extensionRequests)
    .where(eq(extensionRequests.taskId, taskId))
    .orderBy(desc(extensionRequests.requestedAt));
  return { items: rows.map(toExtension) };
}
