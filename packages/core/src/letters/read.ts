import type { LetterDetail } from '@lianxi/domain';
import { letterDeductions, letterScores } from '@lianxi/db';
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { findLetter, toLetter } from './view.js';

/** One letter with the hand scores and deductions recorded against it. */
export async function getLetter(ctx: Ctx, id: string): Promise<LetterDetail> {
  const letter = await findLetter(ctx, id);
  const scores = await ctx.db.select().from(letterScores).where(eq(letterScores.letterId, id));
  const entries = await ctx.db
    .select()
    .from(letterDeductions)
    .where(eq(letterDeductions.letterId, id))
    .orderBy(asc(letterDeductions.at));
  return {
    ...toLetter(letter),
    manualScores: scores.map((s) => ({ indicatorId: s.indicatorId, score: s.score, note: s.note })),
    deductionEntries: entries.map((e) => ({
      id: e.id,
      itemId: e.itemId,
      count: e.count,
      note: e.note,
      at: e.at.toISOString(),
    })),
  };
}
