import { type Assessment, assess } from '@lianxi/domain';
import { letterDeductions, letterScores } from '@lianxi/db';
import { eq } from 'drizzle-orm';
import { loadConference } from '../calendar/load.js';
import type { Ctx } from '../context.js';
import { measureUnit } from './measure.js';
import type { LetterRow } from './view.js';

/** The assessment from live data: measured now, nothing stored. */
export async function computeLive(ctx: Ctx, letter: LetterRow): Promise<Assessment> {
  const conference = await loadConference(ctx, ctx.conferenceId);
  const measures = await measureUnit(
    ctx,
    letter.unitId,
    letter.year,
    conference.timeZone,
    letter.issuedAt ?? ctx.clock.now(),
  );
  const scores = await ctx.db
    .select()
    .from(letterScores)
    .where(eq(letterScores.letterId, letter.id));
  const entries = await ctx.db
    .select()
    .from(letterDeductions)
    .where(eq(letterDeductions.letterId, letter.id));
  return assess({
    letter,
    measures,
    manualScores: scores,
    deductionEntries: entries,
    at: ctx.clock.now(),
  });
}

export const assessmentOf = (ctx: Ctx, letter: LetterRow) =>
  letter.assessment ?? computeLive(ctx, letter);
