import { sessions } from '@lianxi/db';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/**
 * Ends every login of a user, but `keep` (the caller's own, when they changed their own
 * password), in the caller's transaction. Every process forgets them when the database
 * announces the change at commit; the caller tells this one at once after its commit
 * (`forgetLoginsOf`), so no request in between remembers a login again.
 */
export async function endLoginsOf(
  ctx: Ctx,
  userId: string,
  reason: 'password_changed' | 'password_reset' | 'disabled' | 'role_changed',
  keep?: string,
): Promise<void> {
  await ctx.db
    .update(sessions)
    .set({ revokedAt: ctx.clock.now(), revokedReason: reason })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keep ? ne(sessions.id, keep) : undefined,
      ),
    );
}

/** After the commit that ended them: this process stops remembering the user's logins. */
export function forgetLoginsOf(ctx: Ctx, userId: string): void {
  ctx.sessions?.forget(`u:${userId}`);
}
