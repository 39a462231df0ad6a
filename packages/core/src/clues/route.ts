import { firstMatchingRule, isAppError } from '@lianxi/domain';
import { clues, routingRules } from '@lianxi/db';
import { eq } from 'drizzle-orm';
import { type BaseCtx, systemActor } from '../context.js';
import { sendHandoff } from '../handoffs/send.js';

/**
 * The worker's routing of a new clue: the first enabled rule that matches sends it on, as
 * from the office. Routing twice is harmless: a clue is routed by rule at most once.
 */
export async function routeClue(base: BaseCtx, clueId: string): Promise<string | null> {
  const [clue] = await base.db.select().from(clues).where(eq(clues.id, clueId));
  if (!clue) return null;
  const rules = await base.db
    .select()
    .from(routingRules)
    .where(eq(routingRules.conferenceId, clue.conferenceId));
  const rule = firstMatchingRule(rules, clue);
  if (!rule) return null;
  const ctx = { ...base, actor: systemActor, conferenceId: clue.conferenceId };
  try {
    const handoff = await sendHandoff(
      ctx,
      clueId,
      { toUnitId: rule.targetUnitId, kind: rule.kind, reason: `按分流规则“${rule.name}”分流` },
      rule.id,
    );
    return handoff.id;
  } catch (e) {
    if (isAppError(e) && e.code === 'conflict') return null;
    throw e;
  }
}
