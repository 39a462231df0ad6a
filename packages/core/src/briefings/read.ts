import type { Briefing } from '@lianxi/domain';
import { briefings } from '@lianxi/db';
import { desc } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { briefingScope, findBriefing, toBriefing } from './view.js';

export async function listBriefings(ctx: Ctx): Promise<{ items: Briefing[] }> {
  const rows = await ctx.db
    .select()
    .from(briefings)
    .where(briefingScope(ctx))
    .orderBy(desc(briefings.year), desc(briefings.issueNo))
    .limit(500);
  return { items: rows.map(toBriefing) };
}

export async function getBriefing(ctx: Ctx, id: string): Promise<Briefing> {
  return toBriefing(await findBriefing(ctx, id));
}
