import type { LetterDetail, LetterListQuery, Letter } from '@lianxi/domain';
import { letterDeductions, letters, letterScores } from '@lianxi/db';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { findLetter, letterScope, toLetter } from './view.js';

export async function listLetters(ctx: Ctx, query: LetterListQuery): Promise<{ items: Letter[] }> {
  const where: SQL[] = [letterScope(ctx)];
  if (query.year) where.push(eq(letters.year, query.year));
  const rows = await ctx.db
    .select()
    .from(letters)
    .where(and(...where))
    .orderBy(desc(letters.year), asc(letters.createdAt))
    .limit(500);
  return { items: rows.map(toLetter) };
}

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
