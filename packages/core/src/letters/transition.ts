import { AppError, chineseDate, type Letter, type LetterStatus } from '@lianxi/domain';
import { letters } from '@lianxi/db';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { loadConference } from '../calendar/load.js';
import { type Ctx, requireRole } from '../context.js';
import { notify } from '../notifications/notify.js';
import { withTransaction } from '../transaction.js';
import { findLetter, type LetterRow, toLetter } from './view.js';

const MOVES = {
  issue: { from: 'draft', to: 'issued', refusal: '只有草稿可以下达' },
  sign: { from: 'issued', to: 'signed', refusal: '只有已下达的责任书可以签订' },
} as const satisfies Record<string, { from: LetterStatus; to: LetterStatus; refusal: string }>;

/**
 * 下达 (the office) and 签订 (the unit itself, an acknowledged act in the audit chain): one
 * conditional update each, so two clicks cannot both succeed.
 */
async function move(ctx: Ctx, id: string, verb: keyof typeof MOVES, check: (l: LetterRow) => void) {
  const { from, to, refusal } = MOVES[verb];
  return withTransaction(ctx, async (tx) => {
    const current = await findLetter(tx, id);
    check(current);
    const now = ctx.clock.now();
    const [row] = await tx.db
      .update(letters)
      .set({
        status: to,
        ...(verb === 'issue' ? { issuedAt: now } : { signedAt: now, signedBy: ctx.actor.userId }),
        version: sql`${letters.version} + 1`,
      })
      .where(and(eq(letters.id, id), eq(letters.status, from)))
      .returning();
    if (!row) throw new AppError('illegal_transition', refusal);
    await appendAudit(tx, {
      action: `letter.${verb === 'issue' ? 'issued' : 'signed'}`,
      subjectType: 'letter',
      subjectId: id,
      payload: { year: row.year, unitId: row.unitId, by: ctx.actor.userId },
    });
    const { timeZone } = await loadConference(tx, ctx.conferenceId);
    await notify(tx, {
      ...(verb === 'issue' ? { units: [row.unitId] } : { roles: ['office'] }),
      kind: `letter.${verb}`,
      title: verb === 'issue' ? `请签订《${row.title}》` : `《${row.title}》已签订`,
      body:
        verb === 'issue'
          ? `${row.year} 年度打击传销工作责任书已下达，请阅后签订。`
          : `责任单位已于 ${chineseDate(now, timeZone)}签订。`,
      subjectType: 'letter',
      subjectId: id,
      dedupeKey: `letter-${verb}-${id}`,
    });
    return toLetter(row);
  });
}

export async function issueLetter(ctx: Ctx, id: string): Promise<Letter> {
  requireRole(ctx, ['office', 'admin']);
  return move(ctx, id, 'issue', () => {});
}

/** Only a user of the unit the letter binds may sign it. */
export async function signLetter(ctx: Ctx, id: string): Promise<Letter> {
  return move(ctx, id, 'sign', (l) => {
    if (ctx.actor.role !== 'unit' || ctx.actor.unitId !== l.unitId) {
      throw new AppError('forbidden', '只有责任单位可以签订本单位的责任书');
    }
  });
}
