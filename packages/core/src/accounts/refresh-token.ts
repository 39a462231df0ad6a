import { createHash, randomBytes } from 'node:crypto';
import { refreshTokens } from '@lianxi/db';
import type { BaseCtx } from '../context.js';
import type { AuthPolicy } from './auth-policy.js';

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Mints the next refresh token of a login. Its life is the idle window: a user who does
 * not come back within it must log in again (等保 idle-session expiry).
 */
export async function mintRefreshToken(
  ctx: BaseCtx,
  familyId: string,
  policy: AuthPolicy,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  await ctx.db.insert(refreshTokens).values({
    familyId,
    tokenHash: hashRefreshToken(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + policy.sessionIdleMinutes * 60_000),
  });
  return token;
}
