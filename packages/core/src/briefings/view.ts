import { type Briefing, notFound } from '@lianxi/domain';
import { briefings } from '@lianxi/db';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.js';

export type BriefingRow = typeof briefings.$inferSelect;

/** Drafts are the office's; everyone reads what it published. */
export function briefingScope(ctx: Ctx): SQL {
  const conference = eq(briefings.conferenceId, ctx.conferenceId);
  if (['office', 'admin', 'system'].includes(ctx.actor.role)) return conference;
  return and(conference, eq(briefings.status, 'published'))!;
}

export async function findBriefing(ctx: Ctx, id: string, lock = false): Promise<BriefingRow> {
  const query = ctx.db
    .select()
    .from(briefings)
    .where(and(eq(briefings.id, id), briefingScope(ctx)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('简报');
  return row;
}

export const BRIEFING_TITLE = '打击传销工作简报';

export const toBriefing = (b: BriefingRow): Briefing => ({
  id: b.id,
  issueNo: b.issueNo,
  year: b.year,
  title: BRIEFING_TITLE,
  issuer: b.issuer,
  issuedOn: b.issuedOn,
  from: b.periodFrom,
  to: b.periodTo,
  status: b.status,
  sections: b.sections,
  publishedAt: b.publishedAt?.toISOString() ?? null,
  version: b.version,
});
