import { units } from '@lianxi/db';
import { eq } from 'drizzle-orm';
import { memoInTransaction } from '../common/tx-memo.js';
import type { Ctx } from '../context.js';

/**
 * The conference's units, each with whether a robot webhook is set, read once per
 * transaction: a work order checks its assignments against them and its notices look up
 * the robots in the same list.
 */
export const conferenceUnits = (ctx: Ctx): Promise<Map<string, { hooked: boolean }>> =>
  memoInTransaction(ctx, `units:${ctx.conferenceId}`, async () => {
    const rows = await ctx.db
      .select({ id: units.id, webhookUrl: units.webhookUrl })
      .from(units)
      .where(eq(units.conferenceId, ctx.conferenceId));
    return new Map(rows.map((u) => [u.id, { hooked: u.webhookUrl !== null }]));
  });
