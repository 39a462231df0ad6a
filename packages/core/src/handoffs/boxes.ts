import type { HandoffBoxQuery } from '@lianxi/domain';
import { clues, handoffs } from '@lianxi/db';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { dayRange, fromJoined, keywordIn, listPage } from '../common/list.js';
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
  // the other side: the receiver of what went out, the sender of what came in
  if (query.unitId)
    where.push(eq(query.box === 'out' ? handoffs.toUnitId : handoffs.fromUnitId, query.unitId));
  if (query.status) where.push(eq(handoffs.status, query.status));
  if (query.kind) where.push(eq(handoffs.kind, query.kind));
  if (query.level !== undefined) where.push(eq(handoffs.escalationLevel, query.level));
  if (query.q) where.push(keywordIn(query.q, [clues.serial, clues.subjectName]));
  where.push(...dayRange(handoffs.sentAt, query.from, query.to));
  return listPage(query, where, {
    ...fromJoined(ctx.db, handoffs, { h: handoffs, serial: clues.serial }, (q) =>
      q.innerJoin(clues, eq(clues.id, handoffs.clueId)),
    ),
    time: handoffs.sentAt,
    id: handoffs.id,
    key: (r) => [r.h.sentAt, r.h.id],
    sorts: {
      sentAt: handoffs.sentAt,
      resultDueAt: handoffs.resultDueAt,
      level: handoffs.escalationLevel,
    },
    view: (r) => toHandoff(ctx, r.h, r.serial),
  });
}
