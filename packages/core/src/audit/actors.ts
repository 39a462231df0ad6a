import { units, users } from '@lianxi/db';
import { AUDIT_READERS, type AuditActor } from '@lianxi/domain';
import { asc, eq } from 'drizzle-orm';
import { type Ctx, requireRole } from '../context.js';

/**
 * The conference's people, for the 操作人 filter of the operation log: its readers (the
 * office, supervisors) may not list accounts, but must be able to pick whose actions to see.
 */
export async function listAuditActors(ctx: Ctx): Promise<{ items: AuditActor[] }> {
  requireRole(ctx, AUDIT_READERS);
  const items = await ctx.db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      unitName: units.name,
    })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.conferenceId, ctx.conferenceId))
    .orderBy(asc(users.displayName), asc(users.username));
  return { items };
}
