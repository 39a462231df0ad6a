import { sessions } from '@lianxi/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';

/** Ends a login: every token of its family stops working at once. */
export async function revokeSession(
  ctx: BaseCtx,
  sessionId: string,
  reason: 'logout' | 'refresh_reuse' | 'password_changed',
): Promise<boolean> {
  const revoked = await ctx.db
    .update(sessions)
    .set({ revokedAt: ctx.clock.now(), revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  // the database announces it at commit; this process need not wait for that
  ctx.sessions?.forget(`s:${sessionId}`);
  return revoked.length > 0;
}
