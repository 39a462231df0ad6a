import { AppError, type RoutingRule } from '@lianxi/domain';
import { routingRules, units } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';

export const RULE_EDITORS = ['office', 'admin'] as const;
export const RULE_READERS = ['office', 'admin', 'supervisor', 'leader'] as const;

export const view = (r: typeof routingRules.$inferSelect): RoutingRule => ({
  id: r.id,
  position: r.position,
  name: r.name,
  enabled: r.enabled,
  conditions: r.conditions,
  targetUnitId: r.targetUnitId,
  kind: r.kind,
  version: r.version,
});

export async function assertUnit(ctx: Ctx, unitId: string) {
  const [unit] = await ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.conferenceId, ctx.conferenceId)));
  if (!unit) {
    throw new AppError('rule_violation', '目标单位不属于本联席会议', {
      errors: [{ field: 'body.targetUnitId', message: '单位不存在' }],
    });
  }
}
