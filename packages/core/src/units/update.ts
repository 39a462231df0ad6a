import { units } from '@lianxi/db';
import {
  AppError,
  ROSTER_EDITORS,
  staleVersion,
  type UnitDetail,
  type UpdateUnitInput,
} from '@lianxi/domain';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { pgErrorCode } from '../common/pg-error.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { findUnit, getUnit } from './read.js';

/** A conditional update on `version`: a writer who read an older unit gets 409, not a merge. */
export async function updateUnit(
  ctx: Ctx,
  id: string,
  input: UpdateUnitInput,
): Promise<UnitDetail> {
  requireRole(ctx, ROSTER_EDITORS);
  const { version, ...changes } = input;
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return withTransaction(ctx, async (tx) => {
    await findUnit(tx, id);
    const updated = await tx.db
      .update(units)
      .set({ ...set, version: sql`${units.version} + 1`, updatedAt: ctx.clock.now() })
      .where(
        and(eq(units.id, id), eq(units.conferenceId, ctx.conferenceId), eq(units.version, version)),
      )
      .returning({ id: units.id })
      .catch((e: unknown) => {
        if (pgErrorCode(e) === '23505') throw new AppError('conflict', '单位名称已被其他单位使用');
        throw e;
      });
    if (!updated.length) throw staleVersion('成员单位');
    await appendAudit(tx, {
      action: 'unit.updated',
      subjectType: 'unit',
      subjectId: id,
      payload: { changes: set, fromVersion: version },
    });
    return getUnit(tx, id);
  });
}
