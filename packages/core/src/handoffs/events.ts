import type { HandoffEventKind, HandoffOutcome } from '@lianxi/domain';
import { handoffEvents } from '@lianxi/db';
import type { Ctx } from '../context.js';

export interface HandoffEventInput {
  handoffId: string;
  kind: HandoffEventKind;
  outcome?: HandoffOutcome | null;
  text?: string | null;
}

/** A step of the hand-off's timeline, by the acting person and unit (null: the office or the platform). */
export async function recordHandoffEvent(ctx: Ctx, e: HandoffEventInput): Promise<void> {
  await ctx.db.insert(handoffEvents).values({
    handoffId: e.handoffId,
    kind: e.kind,
    unitId: ctx.actor.role === 'unit' ? ctx.actor.unitId : null,
    actorId: ctx.actor.userId,
    outcome: e.outcome ?? null,
    text: e.text ?? null,
    at: ctx.clock.now(),
  });
}
