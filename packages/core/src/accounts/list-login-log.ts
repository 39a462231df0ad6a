import { loginLog } from '@lianxi/db';
import type { LoginLogEntry, PageQuery } from '@lianxi/domain';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { decodeIdCursor, encodeCursor } from '../common/cursor.js';
import { type Ctx, requireRole } from '../context.js';

/** Who tried to log in to this conference, when, from where, and whether it worked. */
export async function listLoginLog(
  ctx: Ctx,
  query: PageQuery & { username?: string },
): Promise<{ items: LoginLogEntry[]; nextCursor: string | null }> {
  requireRole(ctx, ['admin', 'office', 'supervisor']);
  const where: SQL[] = [eq(loginLog.conferenceId, ctx.conferenceId)];
  if (query.username) where.push(eq(loginLog.username, query.username));
  if (query.cursor) where.push(lt(loginLog.id, decodeIdCursor(query.cursor)));
  const rows = await ctx.db
    .select()
    .from(loginLog)
    .where(and(...where))
    .orderBy(desc(loginLog.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    username: r.username,
    at: r.at.toISOString(),
    ip: r.ip,
    success: r.success,
    reason: r.reason,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
}
