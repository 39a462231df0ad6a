import { type RankingQuery, type RankingRow, rankByTotal } from '@lianxi/domain';
import { letters, units } from '@lianxi/db';
import { and, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { assessmentOf } from './live-assessment.js';

/**
 * 排名: every issued letter of the year by its total (final where finalised, live otherwise).
 * A unit sees its own standing among all of them, not the others' rows.
 */
export async function rankLetters(ctx: Ctx, query: RankingQuery): Promise<{ items: RankingRow[] }> {
  const rows = await ctx.db
    .select({ letter: letters, unitName: units.name })
    .from(letters)
    .innerJoin(units, eq(units.id, letters.unitId))
    .where(
      and(
        eq(letters.conferenceId, ctx.conferenceId),
        eq(letters.year, query.year),
        ne(letters.status, 'draft'),
      ),
    );
  const scored = [];
  for (const r of rows) {
    const a = await assessmentOf(ctx, r.letter);
    scored.push({
      letterId: r.letter.id,
      unitId: r.letter.unitId,
      unitName: r.unitName,
      status: r.letter.status,
      total: a.total,
      final: a.final,
      redFlags: a.redFlags,
      outOf: rows.length,
    });
  }
  const ranked = rankByTotal(scored);
  if (ctx.actor.role !== 'unit') return { items: ranked };
  return { items: ranked.filter((r) => r.unitId === ctx.actor.unitId) };
}
