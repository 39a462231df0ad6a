import type { HandoffBoxQuery } from '@lianxi/domain';
import { clues, handoffs } from '@lianxi/db';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { olderThan, timePage } from '../common/keyset.js';
import { type Ctx, requireRole } from '../context.js';
import { toHandoff } from './view.js';

/** 移送收件箱 / 发件箱: a unit's own; the office's are those sent by or to the office. */
export async function listHandoffs(ctx: Ctx, query: HandoffBoxQuery) {
  requireRole(ctx, ['office', 'admin', 'unit']);
  const mine = ctx.actor.role === 'unit' ? (ctx.actor.unitId ?? '') : null;
  const where: SQL[] = [eq(handoffs.conferenceId, ctx.conferenceId)];
  if (query.box === 'in') {
    // nothing is sent to the office itself: its in-box holds the answers to what it sent
    where.push(
      mine
        ? eq(handoffs.toUnitId, mine)
        : and(isNull(handoffs.fromUnitId), eq(handoffs.status, 'answered'))!,
    );
  } else {
    where.push(mine ? eq(handoffs.fromUnitId, mine) : isNull(handoffs.fromUnitId));
  }
  if (query.cursor) where.push(olderThan(query.cursor, handoffs.sentAt, handoffs.id));
  const rows = await ctx.db
    .select({ h: handoffs, serial: clues.serial })
    .from(handoffs)
    .innerJoin(clues, eq(clues.id, handoffs.clueId))
    .where(and(...where))
    .orderBy(desc(handoffs.sentAt), desc(handoffs.id))
    .limit(query.limit + 1);
  return timePage(
    rows,
    query.limit,
    (r) => toHandoff(ctx, r.h, r.serial),
    (r) => [r.h.sentAt, r.h.id],
  );
}
