import type { RoutingRule } from '@lianxi/domain';
import { routingRules } from '@lianxi/db';
import { asc, eq } from 'drizzle-orm';
import { type Ctx, requireRole } from '../context.js';
import { RULE_READERS, view } from './routing-rule-shared.js';

export async function listRoutingRules(ctx: Ctx): Promise<{ items: RoutingRule[] }> {
  requireRole(ctx, RULE_READERS);
  const rows = await ctx.db
    .select()
    .from(routingRules)
    .where(eq(routingRules.conferenceId, ctx.conferenceId))
    .orderBy(asc(routingRules.position), asc(routingRules.createdAt));
  return { items: rows.map(view) };
}
