import { loginLog } from '@lianxi/db';
import type { LoginLogPage, LoginLogQuery } from '@lianxi/domain';
import { and, count, desc, lt } from 'drizzle-orm';
import { decodeIdCursor, encodeCursor } from '../common/cursor.js';
import { type Ctx, requireRole } from '../context.js';
import { loginLogConditions } from './login-log-filter.js';

export const LOGIN_LOG_READERS = ['admin', 'office', 'supervisor'] as const;

/** Who tried to log in to this conference, when, from where, and whether it worked. */
export async function listLoginLog(
  ctx: Ctx,
  query: Omit<LoginLogQuery, 'limit'> & { limit: number },
): Promise<LoginLogPage> {
  requireRole(ctx, [...LOGIN_LOG_READERS]);
  const where = await loginLogConditions(ctx, query);
  // a cursor page follows one already counted: counting again would cost the whole range
  const total = query.cursor
    ? undefined
    : (
        await ctx.db
          .select({ total: count() })
          .from(loginLog)
          .where(and(...where))
      )[0].total;
  if (query.cursor) where.push(lt(loginLog.id, decodeIdCursor(query.cursor)));
  const rows = await ctx.db
    .select()
    .from(loginLog)
    .where(and(...where))
    .orderBy(desc(loginLog.id))
    .limit(query.limit + 1)
    .offset(query.offset ?? 0);
  const items = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    username: r.username,
    at: r.at.toISOString(),
    ip: r.ip,
    success: r.success,
    reason: r.reason,
    userAgent: r.userAgent,
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
    total,
  };
}
