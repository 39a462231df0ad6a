import { clues, handoffs } from '@lianxi/db';
import { and, eq, exists, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/**
 * A unit sees the clues it holds and those handed to it; the office, supervisors and
 * leaders see the conference's. Kept below the features: hand-offs and attachments check
 * it, and clues read their hand-offs and attachments.
 */
export function clueScope(ctx: Ctx): SQL {
  const conference = eq(clues.conferenceId, ctx.conferenceId);
  if (ctx.actor.role !== 'unit') return conference;
  const unitId = ctx.actor.unitId ?? '';
  const handedToUnit = ctx.db
    .select({ one: handoffs.id })
    .from(handoffs)
    .where(and(eq(handoffs.clueId, clues.id), eq(handoffs.toUnitId, unitId)));
  return and(conference, or(eq(clues.owningUnitId, unitId), exists(handedToUnit)))!;
}
