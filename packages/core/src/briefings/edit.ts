import { AppError, type Briefing, staleVersion, type UpdateBriefingInput } from '@lianxi/domain';
import { briefings } from '@lianxi/db';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { findBriefing, toBriefing } from './view.js';

/** The office edits a draft's text; a published briefing is what was sent, and stays. */
export async function editBriefing(
  ctx: Ctx,
  id: string,
  input: UpdateBriefingInput,
): Promise<Briefing> {
  requireRole(ctx, ['office', 'admin']);
  return withTransaction(ctx, async (tx) => {
    const current = await findBriefing(tx, id, true);
    if (current.status !== 'draft')
      throw new AppError('illegal_transition', '简报已印发，不能修改');
    const [row] = await tx.db
      .update(briefings)
      .set({ sections: input.sections, version: sql`${briefings.version} + 1` })
      .where(and(eq(briefings.id, id), eq(briefings.version, input.version)))
      .returning();
    if (!row) throw staleVersion('简报');
    await appendAudit(tx, {
      action: 'briefing.edited',
      subjectType: 'briefing',
      subjectId: id,
      payload: { version: row.version },
    });
    return toBriefing(row);
  });
}

/** 印发: the draft becomes the issue everyone reads. */
export async function publishBriefing(ctx: Ctx, id: string): Promise<Briefing> {
  requireRole(ctx, ['office', 'admin']);
  return withTransaction(ctx, async (tx) => {
    await findBriefing(tx, id);
    const [row] = await tx.db
      .update(briefings)
      .set({
        status: 'published',
        publishedAt: ctx.clock.now(),
        version: sql`${briefings.version} + 1`,
      })
      .where(and(eq(briefings.id, id), eq(briefings.status, 'draft')))
      .returning();
    if (!row) throw new AppError('illegal_transition', '简报已印发');
    await appendAudit(tx, {
      action: 'briefing.published',
      subjectType: 'briefing',
      subjectId: id,
      payload: { year: row.year, issueNo: row.issueNo },
    });
    return toBriefing(row);
  });
}
