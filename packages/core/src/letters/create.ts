import { AppError, checkYears, type CreateLetterInput, type Letter } from '@lianxi/domain';
import { letters, units } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { toDeductionItems, toIndicators } from './content.js';
import { toLetter } from './view.js';

/** 起草责任书: a draft for one unit and year, its indicators making exactly 100 points. */
export async function createLetter(ctx: Ctx, input: CreateLetterInput): Promise<Letter> {
  requireRole(ctx, ['office', 'admin']);
  checkYears([{ field: 'body.year', year: input.year }], ctx.clock.now());
  const indicators = toIndicators(input.indicators);
  return withTransaction(ctx, async (tx) => {
    const [unit] = await tx.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, input.unitId), eq(units.conferenceId, ctx.conferenceId)));
    if (!unit) {
      throw new AppError('rule_violation', '责任单位不属于本联席会议', {
        errors: [{ field: 'body.unitId', message: '单位不存在或不属于本联席会议' }],
      });
    }
    const [row] = await tx.db
      .insert(letters)
      .values({
        conferenceId: ctx.conferenceId,
        year: input.year,
        unitId: input.unitId,
        title: input.title,
        indicators,
        deductionItems: toDeductionItems(input.deductionItems),
        createdBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('conflict', `该单位 ${input.year} 年度的责任书已存在`);
    await appendAudit(tx, {
      action: 'letter.drafted',
      subjectType: 'letter',
      subjectId: row.id,
      payload: { year: row.year, unitId: row.unitId },
    });
    return toLetter(row);
  });
}
