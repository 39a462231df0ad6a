import { auditLog } from '@lianxi/db';
import { addDays, type AuditFilter, zonedInstant } from '@lianxi/domain';
import { eq, gte, lt, type SQL } from 'drizzle-orm';
import { loadConference } from '../calendar/load.js';
import type { Ctx } from '../context.js';

/**
 * A log's date range as instants: `from` at 00:00 and the day after `to` at 00:00 in the
 * conference's own zone, so a day typed by a clerk in Beijing means that Beijing day.
 */
export async function dayBounds(
  ctx: Ctx,
  range: { from?: string; to?: string },
): Promise<{ from?: Date; until?: Date }> {
  if (!range.from && !range.to) return {};
  const { timeZone } = await loadConference(ctx, ctx.conferenceId);
  return {
    from: range.from ? zonedInstant(range.from, '00:00:00', timeZone) : undefined,
    until: range.to ? zonedInstant(addDays(range.to, 1), '00:00:00', timeZone) : undefined,
  };
}

/** The conditions of the operation log's filters, always within the caller's conference. */
export async function auditConditions(ctx: Ctx, filter: AuditFilter): Promise<SQL[]> {
  const where: SQL[] = [eq(auditLog.conferenceId, ctx.conferenceId)];
  if (filter.subjectType) where.push(eq(auditLog.subjectType, filter.subjectType));
  if (filter.subjectId) where.push(eq(auditLog.subjectId, filter.subjectId));
  if (filter.actorId) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  const { from, until } = await dayBounds(ctx, filter);
  if (from) where.push(gte(auditLog.at, from));
  if (until) where.push(lt(auditLog.at, until));
  return where;
}
