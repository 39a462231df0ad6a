import { auditLog, units, users } from '@lianxi/db';
import { AUDIT_READERS, type AuditEntry, type AuditPage, type AuditQuery } from '@lianxi/domain';
import { and, count, desc, eq, lt } from 'drizzle-orm';
import { decodeIdCursor, encodeCursor } from '../common/cursor.js';
import { type Ctx, requireRole } from '../context.js';
import { auditConditions } from './filter.js';

/**
 * The operation log, newest first, filtered by object, person, action and days; with the
 * person's name and unit, and how many rows match in all (counted under the same filters).
 */
export async function listAudit(ctx: Ctx, query: AuditQuery): Promise<AuditPage> {
  requireRole(ctx, AUDIT_READERS);
  const where = await auditConditions(ctx, query);
  // a cursor page follows one already counted: counting again would cost the whole range
  const total = query.cursor
    ? undefined
    : (
        await ctx.db
          .select({ total: count() })
          .from(auditLog)
          .where(and(...where))
      )[0].total;
  if (query.cursor) where.push(lt(auditLog.id, decodeIdCursor(query.cursor)));
  const rows = await ctx.db
    .select({ a: auditLog, actorName: users.displayName, actorUnit: units.name })
    .from(auditLog)
    // the actor is looked up within the conference: an id from elsewhere names no one
    .leftJoin(
      users,
      and(eq(users.id, auditLog.actorId), eq(users.conferenceId, auditLog.conferenceId)),
    )
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1)
    .offset(query.offset ?? 0);
  const items = rows.slice(0, query.limit).map(({ a: r, actorName, actorUnit }) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorRole: r.actorRole,
    actorName,
    actorUnit,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    payload: r.payload,
    requestId: r.requestId,
    hash: r.hash,
  })) satisfies AuditEntry[];
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
    total,
  };
}
