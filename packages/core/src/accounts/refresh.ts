import { refreshTokens, sessions, users } from '@lianxi/db';
import { AppError, type RefreshInput } from '@lianxi/domain';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';
import { withTransaction } from '../transaction.js';
import type { AuthPolicy } from './auth-policy.js';
import { hashRefreshToken, mintRefreshToken } from './refresh-token.js';
import { revokeSession } from './revoke-session.js';
import { type SessionUser, toMe } from './session-user.js';

const expired = () => new AppError('unauthenticated', '登录已失效，请重新登录');

/**
 * Spends a refresh token for a new one of the same family. A token spent before means it
 * was copied: the whole family is revoked, the thief's tokens and the user's alike.
 */
export async function refresh(
  ctx: BaseCtx,
  input: RefreshInput,
  policy: AuthPolicy,
): Promise<{ user: SessionUser; refreshToken: string }> {
  const now = ctx.clock.now();
  const tokenHash = hashRefreshToken(input.refreshToken);
  const outcome = await withTransaction(ctx, async (tx) => {
    const [spent] = await tx.db
      .update(refreshTokens)
      .set({ spentAt: now })
      .where(
        and(
          eq(refreshTokens.tokenHash, tokenHash),
          isNull(refreshTokens.spentAt),
          gt(refreshTokens.expiresAt, now),
        ),
      )
      .returning({ familyId: refreshTokens.familyId });
    if (!spent) return { reused: await familyOfSpent(tx, tokenHash) };

    const [row] = await tx.db
      .select({ user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.id, spent.familyId),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          isNull(users.disabledAt),
        ),
      );
    if (!row) return { reused: null };
    await tx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, spent.familyId));
    const refreshToken = await mintRefreshToken(tx, spent.familyId, policy);
    return { user: { ...toMe(row.user), sessionId: spent.familyId }, refreshToken };
  });
  if ('user' in outcome && outcome.user) return outcome;
  if (outcome.reused) {
    await revokeSession(ctx, outcome.reused, 'refresh_reuse');
    ctx.log.warn({ sessionId: outcome.reused }, 'refresh token reused: login revoked');
  }
  throw expired();
}

async function familyOfSpent(ctx: BaseCtx, tokenHash: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ familyId: refreshTokens.familyId, spentAt: refreshTokens.spentAt })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash));
  return row?.spentAt ? row.familyId : null;
}
