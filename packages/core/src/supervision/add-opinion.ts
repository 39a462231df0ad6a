import { AppError, type OpinionInput } from '@lianxi/domain';
import { supervisionOpinions } from '@lianxi/db';
import { appendAudit, lockAuditChain } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { getCase } from './get-case.js';

export async function addOpinion(ctx: Ctx, caseId: string, input: OpinionInput) {
  requireRole(ctx, ['supervisor']);
  return withTransaction(ctx, async (tx) => {
    await lockAuditChain(tx);
    const current = await getCase(tx, caseId);
    if (current.status !== 'open')
      throw new AppError('illegal_transition', '督办件已办结，不能再添加意见');
    await tx.db.insert(supervisionOpinions).values({
      caseId,
      authorId: ctx.actor.userId,
      text: input.text,
      at: ctx.clock.now(),
    });
    await appendAudit(tx, {
      action: 'supervision.opinion',
      subjectType: 'supervision_case',
      subjectId: caseId,
      payload: { text: input.text },
    });
    return getCase(tx, caseId);
  });
}
