import { sessions, users } from '@lianxi/db';
import { AppError } from '@lianxi/domain';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';
import { type SessionUser, toMe } from './session-user.js';

/**
 * Every authenticated request comes through here: a signed access token is honoured only
 * while its login is live, so logout, reuse revocation and disabling a user take effect
 * at once rather than when the token expires.
 */
export async function loadSession(ctx: BaseCtx, sessionId: string): Promise<SessionUser> {
  const [row] = await ctx.db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, ctx.clock.now()),
        isNull(users.disabledAt),
      ),
    );
  if (!row) throw new AppError('unauthenticated', '登录已失效，请重新登录');
  return { ...toMe(row.user), sessionId };
}
