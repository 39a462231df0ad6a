import { AppError, type Letter, staleVersion, type UpdateLetterInput } from '@lianxi/domain';
import { letters } from '@lianxi/db';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { toDeductionItems, toIndicators } from './content.js';
import { findLetter, toLetter } from './view.js';

/** Edits a draft; once issued a letter's terms are what the unit signs, and stay. */
export async function updateLetter(
  ctx: Ctx,
  id: string,
  input: UpdateLetterInput,
): Promise<Letter> {
  requireRole(ctx, ['office', 'admin']);
  const indicators = input.indicators ? toIndicators(input.indicators) : undefined;
  return withTransaction(ctx, async (tx) => {
    const current = await findLetter(tx, id, true);
    if (current.status !== 'draft')
      throw new AppError('illegal_transition', '责任书已下达，不能修改');
    const [row] = await tx.db
      .update(letters)
      .set({
        ...(input.title ? { title: input.title } : {}),
        ...(indicators ? { indicators } : {}),
        ...(input.deductionItems ? { deductionItems: toDeductionItems(input.deductionItems) } : {}),
        version: sql`${letters.version} + 1`,
      })
      .where(and(eq(letters.id, id), eq(letters.version, input.version)))
      .returning();
    if (!row) throw staleVersion('责任书');
    await appendAudit(tx, {
      action: 'letter.updated',
      subjectType: 'letter',
      subjectId: id,
      payload: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return toLetter(row);
  });
}
