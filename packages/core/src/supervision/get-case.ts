import { notFound, type SupervisionCaseDetail } from '@lianxi/domain';
import { supervisionCases, supervisionOpinions } from '@lianxi/db';
import { asc, eq } from 'drizzle-orm';
import { type Ctx, requireRole } from '../context.js';
import { SUPERVISION_READERS } from './board.js';
import { casesQuery, view } from './case-query.js';

export async function getCase(ctx: Ctx, id: string): Promise<SupervisionCaseDetail> {
  requireRole(ctx, SUPERVISION_READERS);
  const [row] = await casesQuery(ctx, [eq(supervisionCases.id, id)]);
  if (!row) throw notFound('督办件');
  const opinions = await ctx.db
    .select()
    .from(supervisionOpinions)
    .where(eq(supervisionOpinions.caseId, id))
    .orderBy(asc(supervisionOpinions.at));
  return {
    ...view(row),
    opinions: opinions.map((o) => ({
      id: o.id,
      authorId: o.authorId,
      text: o.text,
      at: o.at.toISOString(),
    })),
  };
}
