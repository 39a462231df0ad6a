import { loginLog, sessions, users } from '@lianxi/db';
import { AppError, type LoginInput } from '@lianxi/domain';
import { and, count, desc, eq, gt, isNull } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';
import { withTransaction } from '../transaction.js';
import type { AuthPolicy } from './auth-policy.js';
import { dummyHash, verifyPassword } from './password-hash.js';
import { mintRefreshToken } from './refresh-token.js';
import { type SessionUser, toMe } from './session-user.js';

export interface ClientMeta {
  ip?: string;
  userAgent?: string;
}

/** One answer for an unknown user and a wrong password, so neither gives the other away. */
const badCredentials = () => new AppError('unauthenticated', '用户名或密码错误');

/**
 * Checks a password and opens a login. Failures are counted per user name from the login
 * log, the same for names that exist and names that do not, and lock the name for a while.
 */
export async function login(
  ctx: BaseCtx,
  input: LoginInput,
  meta: ClientMeta,
  policy: AuthPolicy,
): Promise<{ user: SessionUser; refreshToken: string }> {
  const now = ctx.clock.now();
  const username = input.username;
  const record = (success: boolean, reason: string | null, user?: typeof users.$inferSelect) =>
    ctx.db.insert(loginLog).values({
      username,
      userId: user?.id ?? null,
      conferenceId: user?.conferenceId ?? null,
      at: now,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      success,
      reason,
    });

  const windowStart = new Date(now.getTime() - policy.lockoutMinutes * 60_000);
  const [lastSuccess] = await ctx.db
    .select({ at: loginLog.at })
    .from(loginLog)
    .where(and(eq(loginLog.username, username), eq(loginLog.success, true)))
    .orderBy(desc(loginLog.at))
    .limit(1);
  const since = lastSuccess && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  const [{ failures }] = await ctx.db
    .select({ failures: count() })
    .from(loginLog)
    .where(
      and(eq(loginLog.username, username), eq(loginLog.success, false), gt(loginLog.at, since)),
    );
  if (failures >= policy.lockoutFailures) {
    await record(false, 'locked');
    throw new AppError(
      'rate_limited',
      `登录失败次数过多，账号已临时锁定，请 ${policy.lockoutMinutes} 分钟后再试`,
      { retryAfterSeconds: policy.lockoutMinutes * 60 },
    );
  }

  const [user] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.username, username), isNull(users.disabledAt)))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !ok) {
    await record(false, user ? 'wrong_password' : 'unknown_user', user);
    throw badCredentials();
  }

  return withTransaction(ctx, async (tx) => {
    const [session] = await tx.db
      .insert(sessions)
      .values({
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + policy.sessionMaxHours * 3_600_000),
        ip: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .returning({ id: sessions.id });
    const refreshToken = await mintRefreshToken(tx, session.id, policy);
    await record(true, null, user);
    return { user: { ...toMe(user), sessionId: session.id }, refreshToken };
  });
}
