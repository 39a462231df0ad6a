import {
  notFound,
  type RoutingRule,
  staleVersion,
  type UpdateRoutingRuleInput,
} from '@lianxi/domain';
import { routingRules } from '@lianxi/db';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { assertUnit, RULE_EDITORS, view } from './routing-rule-shared.js';

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
