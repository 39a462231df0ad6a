import type { Handoff } from '@lianxi/domain';
import { clues, handoffs } from '@lianxi/db';
import { and, asc, desc, eq, gt, isNull, ne, or } from 'drizzle-orm';
import { type Ctx, requireRole } from '../context.js';
import { SUPERVISION_READERS } from '../supervision/board.js';
import { toHandoff } from './view.js';

/**
 * 逾期移送: hand-offs whose receiving unit is past a limit and has not answered, and
 * seized items not handed over in time; worst first, then the longest overdue.
 */
export async function overdueHandoffs(ctx: Ctx, limit = 200): Promise<{ items: Handoff[] }> {
  requireRole(ctx, SUPERVISION_READERS);
  const rows = await ctx.db
    .select({ h: handoffs, serial: clues.serial })
    .from(handoffs)
    .innerJoin(clues, eq(clues.id, handoffs.clueId))
    .where(
      and(
        eq(handoffs.conferenceId, ctx.conferenceId),
        or(
          and(gt(handoffs.escalationLevel, 0), ne(handoffs.status, 'answered')),
          and(eq(handoffs.itemsReminded, true), isNull(handoffs.itemsHandedOverAt)),
        ),
      ),
    )
    .orderBy(desc(handoffs.escalationLevel), asc(handoffs.resultDueAt), asc(handoffs.id))
    .limit(limit);
  return { items: rows.map((r) => toHandoff(ctx, r.h, r.serial)) };
}
