import { checkYears, type Letter, type LetterListQuery } from '@lianxi/domain';
import { letters, units } from '@lianxi/db';
import { eq, type SQL } from 'drizzle-orm';
import { fromJoined, keywordIn, listPage } from '../common/list.js';
import type { Ctx } from '../context.js';
import { letterScope, toLetter } from './view.js';

/** 责任书列表, within what the caller may see (a unit only its own, issued ones). */
export async function listLetters(
  ctx: Ctx,
  query: LetterListQuery,
): Promise<{ items: Letter[]; nextCursor: string | null; total?: number }> {
  if (query.year !== undefined)
    checkYears([{ field: 'querystring.year', year: query.year }], ctx.clock.now());
  const where: SQL[] = [letterScope(ctx)];
  if (query.q) where.push(keywordIn(query.q, [letters.title, units.name, units.shortName]));
  if (query.unitId) where.push(eq(letters.unitId, query.unitId));
  if (query.year !== undefined) where.push(eq(letters.year, query.year));
  if (query.status) where.push(eq(letters.status, query.status));
  return listPage(query, where, {
    ...fromJoined(ctx.db, letters, { l: letters }, (q) =>
      q.innerJoin(units, eq(units.id, letters.unitId)),
    ),
    time: letters.createdAt,
    id: letters.id,
    key: (r) => [r.l.createdAt, r.l.id],
    sorts: { year: letters.year, issuedAt: letters.issuedAt, signedAt: letters.signedAt },
    view: (r) => toLetter(r.l),
  });
}
