import type { CaseListQuery } from '@lianxi/domain';
import { supervisionCases } from '@lianxi/db';
import { count, eq, isNotNull, type SQL } from 'drizzle-orm';
import { dayRange, keywordIn, listPage } from '../common/list.js';
import { type Ctx, requireRole } from '../context.js';
import { SUPERVISION_READERS } from './board.js';
import { casesQuery, serial, title, unitId, view, withSubjects } from './case-query.js';

/** 督办件 of the conference; `unitId` is the task's unit, the keyword its order's. */
export async function listCases(ctx: Ctx, query: CaseListQuery) {
  requireRole(ctx, SUPERVISION_READERS);
  const where: SQL[] = [eq(supervisionCases.conferenceId, ctx.conferenceId)];
  if (query.status) where.push(eq(supervisionCases.status, query.status));
  if (query.unitId) where.push(eq(unitId, query.unitId));
  if (query.subjectType)
    where.push(
      isNotNull(
        query.subjectType === 'task' ? supervisionCases.taskId : supervisionCases.handoffId,
      ),
    );
  if (query.level !== undefined) where.push(eq(supervisionCases.level, query.level));
  if (query.q) where.push(keywordIn(query.q, [serial, title]));
  where.push(...dayRange(supervisionCases.openedAt, query.from, query.to));
  return listPage(query, where, {
    rows: (filter, order, limit, offset) =>
      casesQuery(ctx, [filter])
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    count: async (filter) => {
      const [row] = await withSubjects(
        ctx.db.select({ n: count() }).from(supervisionCases).$dynamic(),
      ).where(filter);
      return row.n;
    },
    time: supervisionCases.openedAt,
    id: supervisionCases.id,
    key: (r) => [r.c.openedAt, r.c.id],
    sorts: { openedAt: supervisionCases.openedAt, level: supervisionCases.level },
    view,
  });
}
