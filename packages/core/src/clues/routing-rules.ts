import {
  AppError,
  type CreateRoutingRuleInput,
  notFound,
  type RoutingRule,
  staleVersion,
  type UpdateRoutingRuleInput,
} from '@lianxi/domain';
import { routingRules, units } from '@lianxi/db';
import { and, asc, eq, max, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';

const RULE_EDITORS = ['office', 'admin'] as const;
const RULE_READERS = ['office', 'admin', 'supervisor', 'leader'] as const;

const view = (r: typeof routingRules.$inferSelect): RoutingRule => ({
  id: r.id,
  position: r.position,
  name: r.name,
  enabled: r.enabled,
  conditions: r.conditions,
  targetUnitId: r.targetUnitId,
  kind: r.kind,
  version: r.version,
});

export async function listRoutingRules(ctx: Ctx): Promise<{ items: RoutingRule[] }> {
  requireRole(ctx, RULE_READERS);
  const rows = await ctx.db
    .select()
    .from(routingRules)
    .where(eq(routingRules.conferenceId, ctx.conferenceId))
    .orderBy(asc(routingRules.position), asc(routingRules.createdAt));
  return { items: rows.map(view) };
}

async function assertUnit(ctx: Ctx, unitId: string) {
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

/** A new rule goes last unless a position is given. */
export async function createRoutingRule(
  ctx: Ctx,
  input: CreateRoutingRuleInput,
): Promise<RoutingRule> {
  requireRole(ctx, RULE_EDITORS);
  return withTransaction(ctx, async (tx) => {
    await assertUnit(tx, input.targetUnitId);
    const [{ last }] = await tx.db
      .select({ last: max(routingRules.position) })
      .from(routingRules)
      .where(eq(routingRules.conferenceId, ctx.conferenceId));
    const now = ctx.clock.now();
    const [row] = await tx.db
      .insert(routingRules)
      .values({
        conferenceId: ctx.conferenceId,
        position: input.position ?? (last ?? 0) + 10,
        name: input.name,
        enabled: input.enabled,
        conditions: input.conditions,
        targetUnitId: input.targetUnitId,
        kind: input.kind,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await appendAudit(tx, {
      action: 'routing_rule.created',
      subjectType: 'routing_rule',
      subjectId: row.id,
      payload: { ...input },
    });
    return view(row);
  });
}

export async function updateRoutingRule(
  ctx: Ctx,
  id: string,
  input: UpdateRoutingRuleInput,
): Promise<RoutingRule> {
  requireRole(ctx, RULE_EDITORS);
  const { version, ...changes } = input;
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return withTransaction(ctx, async (tx) => {
    if (input.targetUnitId) await assertUnit(tx, input.targetUnitId);
    const [row] = await tx.db
      .update(routingRules)
      .set({ ...set, version: sql`${routingRules.version} + 1`, updatedAt: ctx.clock.now() })
      .where(
        and(
          eq(routingRules.id, id),
          eq(routingRules.conferenceId, ctx.conferenceId),
          eq(routingRules.version, version),
        ),
      )
      .returning();
    if (!row) {
      const [exists] = await tx.db
        .select({ id: routingRules.id })
        .from(routingRules)
        .where(and(eq(routingRules.id, id), eq(routingRules.conferenceId, ctx.conferenceId)));
      throw exists ? staleVersion('分流规则') : notFound('分流规则');
    }
    await appendAudit(tx, {
      action: 'routing_rule.updated',
      subjectType: 'routing_rule',
      subjectId: id,
      payload: { changes: set, fromVersion: version },
    });
    return view(row);
  });
}

export async function deleteRoutingRule(ctx: Ctx, id: string): Promise<void> {
  requireRole(ctx, RULE_EDITORS);
  await withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .delete(routingRules)
      .where(and(eq(routingRules.id, id), eq(routingRules.conferenceId, ctx.conferenceId)))
      .returning();
    if (!row) throw notFound('分流规则');
    await appendAudit(tx, {
      action: 'routing_rule.deleted',
      subjectType: 'routing_rule',
      subjectId: id,
      payload: { name: row.name },
    });
  });
}
