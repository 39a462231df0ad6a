import { checkYears, type StatReport, type StatReportListQuery } from '@lianxi/domain';
import { statReports } from '@lianxi/db';
import { and, eq, gte, isNotNull, lte, type SQL } from 'drizzle-orm';
import { fromTable, listPage } from '../common/list.js';
import type { Ctx } from '../context.js';
import { reportScope, toReport } from './view.js';

/** The rows a list status stands for: 已退回 is a draft whose return reason still stands. */
function statusIs(status: NonNullable<StatReportListQuery['status']>): SQL {
  if (status === 'returned')
    return and(eq(statReports.status, 'draft'), isNotNull(statReports.returnReason))!;
  return eq(statReports.status, status);
}

/** 统计报表列表: a unit sees its own; months are YYYY-MM text, so they compare as they read. */
export async function listStatReports(
  ctx: Ctx,
  query: StatReportListQuery,
): Promise<{ items: StatReport[]; nextCursor: string | null; total?: number }> {
  const months = (['month', 'from', 'to'] as const).flatMap((key) => {
    const month = query[key];
    return month ? [{ field: `querystring.${key}`, year: Number(month.slice(0, 4)) }] : [];
  });
  checkYears(months, ctx.clock.now());
  const where: SQL[] = [reportScope(ctx)];
  if (query.month) where.push(eq(statReports.month, query.month));
  if (query.from) where.push(gte(statReports.month, query.from));
  if (query.to) where.push(lte(statReports.month, query.to));
  if (query.unitId) where.push(eq(statReports.unitId, query.unitId));
  if (query.status) where.push(statusIs(query.status));
  return listPage(query, where, {
    ...fromTable(ctx.db, statReports),
    time: statReports.createdAt,
    id: statReports.id,
    key: (r) => [r.createdAt, r.id],
    sorts: { month: statReports.month, submittedAt: statReports.submittedAt },
    view: toReport,
  });
}
