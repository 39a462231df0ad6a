import type { Clue } from '@lianxi/domain';
import type { clues } from '@lianxi/db';
import type { Ctx } from '../context.js';

export type ClueRow = typeof clues.$inferSelect;

/** Only the office and the unit that holds the clue may know who reported it. */
export const maySeeReporter = (ctx: Ctx, clue: ClueRow) =>
  ['office', 'admin', 'system'].includes(ctx.actor.role) ||
  (ctx.actor.role === 'unit' && ctx.actor.unitId === clue.owningUnitId);

/** The clue as lists and exports show it: the reporter is not part of it. */
export const toClue = (c: ClueRow): Clue => ({
  id: c.id,
  serial: c.serial,
  channel: c.channel,
  subject: { name: c.subjectName, creditCode: c.subjectCreditCode, url: c.subjectUrl },
  township: c.township,
  category: c.category,
  description: c.description,
  participants: c.participants,
  levels: c.levels,
  amountYuan: c.amountYuan,
  status: c.status,
  reportCount: c.reportCount,
  owningUnitId: c.owningUnitId,
  createdAt: c.createdAt.toISOString(),
  closedAt: c.closedAt?.toISOString() ?? null,
  conclusion: c.conclusion,
});
