import { type Handoff, type HandoffDetail, notFound } from '@lianxi/domain';
import { clues, handoffEvents, handoffs, users } from '@lianxi/db';
import { and, asc, desc, eq, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { toHandoff } from './view.js';

/** A unit sees the hand-offs it sent or received; the office and readers see all. */
export function handoffScope(ctx: Ctx): SQL {
  const conference = eq(handoffs.conferenceId, ctx.conferenceId);
  if (ctx.actor.role !== 'unit') return conference;
  const unitId = ctx.actor.unitId ?? '';
  return and(conference, or(eq(handoffs.toUnitId, unitId), eq(handoffs.fromUnitId, unitId)))!;
}

/** One hand-off with its timeline. */
export async function getHandoff(ctx: Ctx, id: string): Promise<HandoffDetail> {
  const [row] = await ctx.db
    .select({ h: handoffs, serial: clues.serial })
    .from(handoffs)
    .innerJoin(clues, eq(clues.id, handoffs.clueId))
    .where(and(eq(handoffs.id, id), handoffScope(ctx)));
  if (!row) throw notFound('移送');
  const events = await ctx.db
    .select({ e: handoffEvents, actorName: users.displayName })
    .from(handoffEvents)
    .leftJoin(users, eq(users.id, handoffEvents.actorId))
    .where(eq(handoffEvents.handoffId, id))
    .orderBy(asc(handoffEvents.id));
  return {
    ...toHandoff(ctx, row.h, row.serial),
    events: events.map(({ e, actorName }) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      unitId: e.unitId,
      actorName,
      outcome: e.outcome,
      level: e.level,
      text: e.text,
    })),
  };
}

/** A clue's hand-offs the caller may see, newest first (for the clue's page). */
export async function handoffsOfClue(ctx: Ctx, clueId: string, serial: string): Promise<Handoff[]> {
  const rows = await ctx.db
    .select()
    .from(handoffs)
    .where(and(eq(handoffs.clueId, clueId), handoffScope(ctx)))
    .orderBy(desc(handoffs.sentAt), desc(handoffs.id));
  return rows.map((h) => toHandoff(ctx, h, serial));
}
