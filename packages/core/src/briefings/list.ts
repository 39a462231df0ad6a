import type { BriefingListQuery } from '@lianxi/domain';
import { briefings } from '@lianxi/db';
import { eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { fromTable, keywordIn, listPage } from '../common/list.js';
import type { Ctx } from '../context.js';
import { briefingScope, toBriefing } from './view.js';

/** The issue as a clerk names it, `2026年第3期`, so `第3期` or the year finds it. */
const issueName = sql`${briefings.year} || '年第' || ${briefings.issueNo} || '期'`;

/**
 * 工作简报: drafts are the office's, published issues everyone's. The issue and period days
 * are stored as YYYY-MM-DD text, so they compare as days directly.
 */
export async function listBriefings(ctx: Ctx, query: BriefingListQuery) {
  const where: SQL[] = [briefingScope(ctx)];
  if (query.q)
    where.push(keywordIn(query.q, [issueName, sql`${briefings.sections} ->> 'headline'`]));
  if (query.status) where.push(eq(briefings.status, query.status));
  if (query.issuedFrom) where.push(gte(briefings.issuedOn, query.issuedFrom));
  if (query.issuedTo) where.push(lte(briefings.issuedOn, query.issuedTo));
  // a period overlapping the days asked for
  if (query.from) where.push(gte(briefings.periodTo, query.from));
  if (query.to) where.push(lte(briefings.periodFrom, query.to));
  return listPage(query, where, {
    ...fromTable(ctx.db, briefings),
    time: briefings.createdAt,
    id: briefings.id,
    key: (b) => [b.createdAt, b.id],
    sorts: {
      issueNo: sql`${briefings.year} * 10000 + ${briefings.issueNo}`,
      issuedOn: briefings.issuedOn,
      period: briefings.periodFrom,
    },
    view: toBriefing,
  });
}
