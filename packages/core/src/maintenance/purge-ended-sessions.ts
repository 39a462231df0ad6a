import { sessions } from '@lianxi/db';
import { lt } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';

/** Logins are kept a week past their end for the record, then removed with their tokens. */
const KEEP_ENDED_SESSIONS_MS = 7 * 24 * 3600_000;

/** The worker's nightly clean-up of logins long ended; returns how many went. */
export async function purgeEndedSessions(ctx: BaseCtx): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - KEEP_ENDED_SESSIONS_MS);
  const purged = await ctx.db
    .delete(sessions)
    .where(lt(sessions.expiresAt, cutoff))
    .returning({ id: sessions.id });
  ctx.log.info({ purged: purged.length }, 'purged ended sessions');
  return purged.length;
}
