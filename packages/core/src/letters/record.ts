import {
  AppError,
  type DeductionEntryInput,
  type LetterDetail,
  type ManualScoresInput,
} from '@lianxi/domain';
import { letterDeductions, letterScores } from '@lianxi/db';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { getLetter } from './read.js';
import { findLetter, type LetterRow } from './view.js';

/** Scores and deductions are recorded while the letter is in force, not before, not after. */
function requireInForce(l: LetterRow) {
  if (l.status === 'draft') throw new AppError('illegal_transition', '责任书尚未下达');
  if (l.status === 'assessed') throw new AppError('illegal_transition', '考核已定稿，不能再修改');
}

/** 人工评分: the office scores hand-scored indicators, each within its points. */
export async function scoreIndicators(
  ctx: Ctx,
  id: string,
  input: ManualScoresInput,
): Promise<LetterDetail> {
  requireRole(ctx, ['office', 'admin']);
  return withTransaction(ctx, async (tx) => {
    const letter = await findLetter(tx, id, true);
    requireInForce(letter);
    const errors = input.scores.flatMap((s, i) => {
      const ind = letter.indicators.find((x) => x.id === s.indicatorId);
      if (!ind) return [{ field: `body.scores.${i}.indicatorId`, message: '指标不存在' }];
      if (ind.kind !== 'manual')
        return [{ field: `body.scores.${i}.indicatorId`, message: '该指标由平台自动计分' }];
      if (s.score > ind.points)
        return [{ field: `body.scores.${i}.score`, message: `不能超过该项分值 ${ind.points} 分` }];
      return [];
    });
    if (errors.length) throw new AppError('rule_violation', '评分不符合指标要求', { errors });
    const now = ctx.clock.now();
    for (const s of input.scores) {
      const values = { score: s.score, note: s.note ?? null, scoredBy: ctx.actor.userId, at: now };
      await tx.db
        .insert(letterScores)
        .values({ letterId: id, indicatorId: s.indicatorId, ...values })
        .onConflictDoUpdate({
          target: [letterScores.letterId, letterScores.indicatorId],
          set: values,
        });
    }
    await appendAudit(tx, {
      action: 'letter.scored',
      subjectType: 'letter',
      subjectId: id,
      payload: {
        scores: input.scores.map((s) => ({ indicatorId: s.indicatorId, score: s.score })),
      },
    });
    return getLetter(tx, id);
  });
}

/** 扣分: the office records what happened against one of the letter's deduction items. */
export async function recordDeduction(
  ctx: Ctx,
  id: string,
  input: DeductionEntryInput,
): Promise<LetterDetail> {
  requireRole(ctx, ['office', 'admin']);
  return withTransaction(ctx, async (tx) => {
    const letter = await findLetter(tx, id, true);
    requireInForce(letter);
    if (!letter.deductionItems.some((d) => d.id === input.itemId)) {
      throw new AppError('rule_violation', '扣分项不属于该责任书', {
        errors: [{ field: 'body.itemId', message: '扣分项不存在' }],
      });
    }
    const [row] = await tx.db
      .insert(letterDeductions)
      .values({
        letterId: id,
        itemId: input.itemId,
        count: input.count,
        note: input.note,
        recordedBy: ctx.actor.userId,
        at: ctx.clock.now(),
      })
      .returning();
    await appendAudit(tx, {
      action: 'letter.deducted',
      subjectType: 'letter',
      subjectId: id,
      payload: { entryId: row.id, itemId: input.itemId, count: input.count },
    });
    return getLetter(tx, id);
  });
}
