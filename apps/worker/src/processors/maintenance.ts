import { outbox, sessions } from '@lianxi/db';
import { and, isNotNull, lt } from 'drizzle-orm';
import type { Processors } from './types.js';

/** Logins are kept a week past their end for the record, then removed with their tokens. */
const KEEP_ENDED_SESSIONS_MS = 7 * 24 * 3600_000;
const KEEP_PUBLISHED_OUTBOX_MS = 24 * 3600_000;

export const maintenanceProcessors: Processors<'maintenance'> = {
  'purge-sessions': async (_payload, ctx) => {
    const cutoff = new Date(ctx.clock.now().getTime() - KEEP_ENDED_SESSIONS_MS);
    const purged = await ctx.db
      .delete(sessions)
      .where(lt(sessions.expiresAt, cutoff))
      .returning({ id: sessions.id });
    ctx.log.info({ purged: purged.length }, 'purged ended sessions');
  },
  'purge-outbox': async (_payload, ctx) => {
    const cutoff = new Date(ctx.clock.now().getTime() - KEEP_PUBLISHED_OUTBOX_MS);
    const purged = await ctx.db
      .delete(outbox)
      .where(and(isNotNull(outbox.publishedAt), lt(outbox.publishedAt, cutoff)))
      .returning({ id: outbox.id });
    ctx.log.info({ purged: purged.length }, 'purged published outbox rows');
  },
};
