import { type Letter, notFound } from '@lianxi/domain';
import { letters } from '@lianxi/db';
import { and, eq, ne, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.js';

export type LetterRow = typeof letters.$inferSelect;

/**
 * The office sees every letter, drafts included; a unit only its own once issued; the
 * supervisors and leaders every issued one.
 */
export function letterScope(ctx: Ctx): SQL {
  const conference = eq(letters.conferenceId, ctx.conferenceId);
  if (ctx.actor.role === 'office' || ctx.actor.role === 'admin' || ctx.actor.role === 'system') {
    return conference;
  }
  const issued = and(conference, ne(letters.status, 'draft'))!;
  if (ctx.actor.role !== 'unit') return issued;
  return and(issued, eq(letters.unitId, ctx.actor.unitId ?? ''))!;
}

export async function findLetter(ctx: Ctx, id: string, lock = false): Promise<LetterRow> {
  const query = ctx.db
    .select()
    .from(letters)
    .where(and(eq(letters.id, id), letterScope(ctx)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('责任书');
  return row;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toLetter = (l: LetterRow): Letter => ({
  id: l.id,
  year: l.year,
  unitId: l.unitId,
  title: l.title,
  status: l.status,
  indicators: l.indicators,
  deductionItems: l.deductionItems,
  issuedAt: iso(l.issuedAt),
  signedAt: iso(l.signedAt),
  finalizedAt: iso(l.finalizedAt),
  version: l.version,
});
