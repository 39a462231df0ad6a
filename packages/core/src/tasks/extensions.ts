import type { ExtensionRequest } from '@lianxi/domain';
import { extensionRequests } from '@lianxi/db';

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
