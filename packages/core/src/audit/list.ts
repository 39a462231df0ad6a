import { auditLog } from '@lianxi/db';
import { AUDIT_READERS, type AuditEntry, type AuditQuery } from '@lianxi/domain';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { decodeIdCursor, encodeCursor } from '../common/cursor.js';
import { type Ctx, requireRole } from '../context.js';

/** The operation log, newest first, filtered by subject or actor. */
export async function listAudit(
  ctx: Ctx,
  query: AuditQuery,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  requireRole(ctx, AUDIT_READERS);
  const where: SQL[] = [eq(auditLog.conferenceId, ctx.conferenceId)];
  if (query.subjectType) where.push(eq(auditLog.subjectType, query.subjectType));
  if (query.subjectId) where.push(eq(auditLog.subjectId, query.subjectId));
  if (query.actorId) where.push(eq(auditLog.actorId, query.actorId));
  if (query.cursor) where.push(lt(auditLog.id, decodeIdCursor(query.cursor)));
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorRole: r.actorRole,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    payload: r.payload,
    requestId: r.requestId,
    hash: r.hash,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
}
