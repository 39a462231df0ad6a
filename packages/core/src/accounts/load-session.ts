import { sessions, users } from '@lianxi/db';
import { AppError } from '@lianxi/domain';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';
import { type SessionUser, toMe } from './session-user.js';

/**
 * Every authenticated request comes through here: a signed access token is honoured only
 * while its login is live, so logout, reuse revocation and disabling a user take effect
 * at once rather than when the token expires. Where the process remembers logins
 * (`ctx.sessions`), a live one is answered from memory until a change to it is announced.
 */
export async function loadSession(ctx: BaseCtx, sessionId: string): Promise<SessionUser> {
  const now = ctx.clock.now();
  const remembered = ctx.sessions?.get(sessionId, now);
  if (remembered) return remembered;
  const begun = ctx.sessions?.begin() ?? 0;
  const [row] = await ctx.db
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        isNull(users.disabledAt),
      ),
    );
  if (!row) throw new AppError('unauthenticated', '登录已失效，请重新登录');
  const user = { ...toMe(row.user), sessionId };
  ctx.sessions?.remember(user, row.expiresAt, now, begun);
  return user;
}
