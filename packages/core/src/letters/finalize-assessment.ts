import { AppError, type Assessment } from '@lianxi/domain';
import { letters } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { computeLive } from './live-assessment.js';
import { findLetter } from './view.js';

/**
 * 定稿: the office freezes the year's assessment into the letter, once. Every hand-scored
 * indicator must have its score; later data changes nothing.
 */
export async function finalizeAssessment(ctx: Ctx, id: string): Promise<Assessment> {
  requireRole(ctx, ['office', 'admin']);
  return withTransaction(ctx, async (tx) => {
    const letter = await findLetter(tx, id, true);
    if (letter.status === 'assessed') throw new AppError('illegal_transition', '考核已定稿');
    if (letter.status !== 'signed') {
      throw new AppError('illegal_transition', '责任书签订后才能定稿考核');
    }
    const live = await computeLive(tx, letter);
    if (live.pendingManual) {
      throw new AppError('rule_violation', `还有 ${live.pendingManual} 项人工评分指标未评分`);
    }
    const final = { ...live, final: true };
    await tx.db
      .update(letters)
      .set({
        status: 'assessed',
        assessment: final,
        finalizedAt: ctx.clock.now(),
        finalizedBy: ctx.actor.userId,
      })
      .where(and(eq(letters.id, id), eq(letters.status, 'signed')));
    await appendAudit(tx, {
      action: 'letter.assessed',
      subjectType: 'letter',
      subjectId: id,
      payload: {
        total: final.total,
        indicatorTotal: final.indicatorTotal,
        deductionTotal: final.deductionTotal,
      },
    });
    return final;
  });
}
