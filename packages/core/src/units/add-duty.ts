import { duties } from '@lianxi/db';
import { type CreateDutyInput, type Duty, ROSTER_EDITORS } from '@lianxi/domain';
import { eq, max } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { findUnit } from './read.js';

export async function addDuty(ctx: Ctx, unitId: string, input: CreateDutyInput): Promise<Duty> {
  requireRole(ctx, ROSTER_EDITORS);
  return withTransaction(ctx, async (tx) => {
    await findUnit(tx, unitId);
    const [{ last }] = await tx.db
      .select({ last: max(duties.sort) })
      .from(duties)
      .where(eq(duties.unitId, unitId));
    const [duty] = await tx.db
      .insert(duties)
      .values({
        unitId,
        area: input.area,
        text: input.text,
        sort: (last ?? 0) + 1,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: duties.id, area: duties.area, text: duties.text });
    await appendAudit(tx, {
      action: 'duty.added',
      subjectType: 'unit',
      subjectId: unitId,
      payload: { dutyId: duty.id, area: duty.area, text: duty.text },
    });
    return duty;
  });
}
