import { notFound } from '@lianxi/domain';
import { routingRules } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { RULE_EDITORS } from './routing-rule-shared.js';

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
