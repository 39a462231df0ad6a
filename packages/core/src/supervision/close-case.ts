import { AppError, type CloseCaseInput } from '@lianxi/domain';
import { supervisionCases } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { appendAudit, lockAuditChain } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { getCase } from './get-case.js';

export async function closeCase(ctx: Ctx, caseId: string, input: CloseCaseInput) {
  requireRole(ctx, ['supervisor']);
  return withTransaction(ctx, async (tx) => {
    await lockAuditChain(tx);
    await getCase(tx, caseId);
    const closed = await tx.db
      .update(supervisionCases)
      .set({
        status: 'closed',
        closedAt: ctx.clock.now(),
        closedBy: ctx.actor.userId,
        conclusion: input.conclusion,
        accountability: input.accountability ?? null,
      })
      .where(and(eq(supervisionCases.id, caseId), eq(supervisionCases.status, 'open')))
      .returning({ id: supervisionCases.id });
    if (!closed.length) throw new AppError('illegal_transition', '督办件已办结');
    await appendAudit(tx, {
      action: 'supervision.closed',
      subjectType: 'supervision_case',
      subjectId: caseId,
      payload: { conclusion: input.conclusion, accountability: input.accountability ?? null },
    });
    return getCase(tx, caseId);
  });
}
