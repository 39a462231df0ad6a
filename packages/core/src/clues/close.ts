import { AppError, type Clue, type CloseClueInput, notFound } from '@lianxi/domain';
import { clues, handoffs } from '@lianxi/db';
import { and, eq, ne, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { clueScope } from '../common/clue-scope.js';
import { toClue } from './view.js';

/**
 * 办结: the office, or the unit holding the clue, closes it with its conclusion once every
 * hand-off of it has been answered. A later report of the same subject opens a new clue.
 */
export async function closeClue(ctx: Ctx, id: string, input: CloseClueInput): Promise<Clue> {
  requireRole(ctx, ['office', 'admin', 'unit']);
  return withTransaction(ctx, async (tx) => {
    const [clue] = await tx.db
      .select()
      .from(clues)
      .where(and(eq(clues.id, id), clueScope(tx)))
      .for('update');
    if (!clue) throw notFound('线索');
    if (ctx.actor.role === 'unit' && clue.owningUnitId !== ctx.actor.unitId) {
      throw new AppError('forbidden', '只有承办单位或打传办可以办结线索');
    }
    if (clue.status !== 'open') throw new AppError('illegal_transition', '线索已办结');
    const [pending] = await tx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(handoffs)
      .where(and(eq(handoffs.clueId, id), ne(handoffs.status, 'answered')));
    if (pending.n > 0) {
      throw new AppError('illegal_transition', `还有 ${pending.n} 件移送未反馈，不能办结`);
    }
    const now = ctx.clock.now();
    const [row] = await tx.db
      .update(clues)
      .set({
        status: 'closed',
        conclusion: input.conclusion,
        closedAt: now,
        closedBy: ctx.actor.userId,
        updatedAt: now,
        version: sql`${clues.version} + 1`,
      })
      .where(and(eq(clues.id, id), eq(clues.status, 'open')))
      .returning();
    await appendAudit(tx, {
      action: 'clue.closed',
      subjectType: 'clue',
      subjectId: id,
      payload: { conclusion: input.conclusion },
    });
    return toClue(row);
  });
}
