import { units } from '@lianxi/db';
import { AppError, type CreateUnitInput, ROSTER_EDITORS, type UnitDetail } from '@lianxi/domain';
import { eq, max } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { getUnit } from './read.js';

export async function createUnit(ctx: Ctx, input: CreateUnitInput): Promise<UnitDetail> {
  requireRole(ctx, ROSTER_EDITORS);
  return withTransaction(ctx, async (tx) => {
    const [{ last }] = await tx.db
      .select({ last: max(units.sort) })
      .from(units)
      .where(eq(units.conferenceId, ctx.conferenceId));
    const now = ctx.clock.now();
    const [row] = await tx.db
      .insert(units)
      .values({
        conferenceId: ctx.conferenceId,
        code: input.code,
        name: input.name,
        shortName: input.shortName ?? null,
        role: input.role,
        kind: input.kind,
        webhookUrl: input.webhookUrl ?? null,
        sort: (last ?? 0) + 1,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: units.id });
    if (!row) throw new AppError('conflict', `单位代码 ${input.code} 或名称 ${input.name} 已存在`);
    await appendAudit(tx, {
      action: 'unit.created',
      subjectType: 'unit',
      subjectId: row.id,
      payload: { code: input.code, name: input.name, role: input.role, kind: input.kind },
    });
    return getUnit(tx, row.id);
  });
}
