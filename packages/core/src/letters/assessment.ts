import {
  AppError,
  type Assessment,
  assess,
  type RankingQuery,
  type RankingRow,
  rankByTotal,
} from '@lianxi/domain';
import { letterDeductions, letters, letterScores, units } from '@lianxi/db';
import { and, eq, ne } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { loadConference } from '../calendar/load.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { measureUnit } from './measure.js';
import { findLetter, type LetterRow } from './view.js';

/** The assessment from live data: measured now, nothing stored. */
async function computeLive(ctx: Ctx, letter: LetterRow): Promise<Assessment> {
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

const assessmentOf = (ctx: Ctx, letter: LetterRow) => letter.assessment ?? computeLive(ctx, letter);

/** 考核: live at any moment with its breakdown; once finalised, the frozen result. */
export async function getAssessment(ctx: Ctx, id: string): Promise<Assessment> {
  return assessmentOf(ctx, await findLetter(ctx, id));
}

/**
 * 定稿: the office freezes the year's assessment into the letter, once. Every hand-scored
 * indicator must have its score; later data changes nothing.
 */
export async function finalizeAssessment(ctx: Ctx, id: string): Promise<Assessment> {
  requireRole(ctx, ['office', 'admin']);
  return withTransaction(ctx, async (tx) => {
    const letter = await findLetter(tx, id, true);
    if (letter.status === 'assessed') throw new AppError('illegal_transition', '考核已定稿');
    if (letter.status !== 'signed') {
      throw new AppError('illegal_transition', '责任书签订后才能定稿考核');
    }
    const live = await computeLive(tx, letter);
    if (live.pendingManual) {
      throw new AppError('rule_violation', `还有 ${live.pendingManual} 项人工评分指标未评分`);
    }
    const final = { ...live, final: true };
    await tx.db
      .update(letters)
      .set({
        status: 'assessed',
        assessment: final,
        finalizedAt: ctx.clock.now(),
        finalizedBy: ctx.actor.userId,
      })
      .where(and(eq(letters.id, id), eq(letters.status, 'signed')));
    await appendAudit(tx, {
      action: 'letter.assessed',
      subjectType: 'letter',
      subjectId: id,
      payload: {
        total: final.total,
        indicatorTotal: final.indicatorTotal,
        deductionTotal: final.deductionTotal,
      },
    });
    return final;
  });
}

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
