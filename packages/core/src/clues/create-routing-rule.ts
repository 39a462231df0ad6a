import type { CreateRoutingRuleInput, RoutingRule } from '@lianxi/domain';
import { routingRules } from '@lianxi/db';
import { eq, max } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { assertUnit, RULE_EDITORS, view } from './routing-rule-shared.js';

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
