import { refreshTokens } from '@lianxi/db';
import type { RefreshInput } from '@lianxi/domain';
import { eq } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';
import { hashRefreshToken } from './refresh-token.js';
import { revokeSession } from './revoke-session.js';

/** Ends the login the refresh token belongs to; an unknown token is already logged out. */
export async function logout(ctx: BaseCtx, input: RefreshInput): Promise<void> {
  const [row] = await ctx.db
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(input.refreshToken)));
  if (row) await revokeSession(ctx, row.familyId, 'logout');
}
