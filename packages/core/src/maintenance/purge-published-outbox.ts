import { outbox } from '@lianxi/db';
import { and, isNotNull, lt } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';

/** A relayed event is kept a day, long enough to look into what was just sent. */
const KEEP_PUBLISHED_OUTBOX_MS = 24 * 3600_000;

/** Removes outbox rows relayed more than a day ago; unrelayed rows stay whatever their age. */
export async function purgePublishedOutbox(ctx: BaseCtx): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - KEEP_PUBLISHED_OUTBOX_MS);
  const purged = await ctx.db
    .delete(outbox)
    .where(and(isNotNull(outbox.publishedAt), lt(outbox.publishedAt, cutoff)))
    .returning({ id: outbox.id });
  ctx.log.info({ purged: purged.length }, 'purged published outbox rows');
  return purged.length;
}
