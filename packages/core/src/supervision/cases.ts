import {
  AppError,
  type CaseListQuery,
  type CloseCaseInput,
  notFound,
  type OpinionInput,
  type SupervisionCase,
  type SupervisionCaseDetail,
} from '@lianxi/domain';
import {
  clues,
  handoffs,
  supervisionCases,
  supervisionOpinions,
  tasks,
  workOrders,
} from '@lianxi/db';
import { and, asc, count, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { appendAudit, lockAuditChain } from '../audit/append.js';
import { dayRange, keywordIn, listPage } from '../common/list.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { SUPERVISION_READERS } from './board.js';

// a case is about a task or a hand-off: each side's columns are null on the other's rows
const serial = sql<string>`coalesce(${workOrders.serial}, ${clues.serial})`;
const title = sql<string>`coalesce(${workOrders.title}, ${clues.subjectName})`;
const unitId = sql<string>`coalesce(${tasks.unitId}, ${handoffs.toUnitId})`;

const caseColumns = { c: supervisionCases, serial, title, unitId };

type CaseRow = {
  c: typeof supervisionCases.$inferSelect;
  serial: string;
  title: string;
  unitId: string;
};

const view = (r: CaseRow): SupervisionCase => ({
  id: r.c.id,
  subjectType: r.c.taskId ? 'task' : 'handoff',
  taskId: r.c.taskId,
  handoffId: r.c.handoffId,
  serial: r.serial,
  title: r.title,
  unitId: r.unitId,
  level: r.c.level,
  status: r.c.status,
  openedAt: r.c.openedAt.toISOString(),
  closedAt: r.c.closedAt?.toISOString() ?? null,
  conclusion: r.c.conclusion,
  accountability: r.c.accountability,
});

/** The cases with their subject's serial, title and unit, whichever kind the subject is. */
const withSubjects = <Q extends PgSelect>(q: Q) =>
  q
    .leftJoin(tasks, eq(tasks.id, supervisionCases.taskId))
    .leftJoin(workOrders, eq(workOrders.id, tasks.workOrderId))
    .leftJoin(handoffs, eq(handoffs.id, supervisionCases.handoffId))
    .leftJoin(clues, eq(clues.id, handoffs.clueId));

const casesQuery = (ctx: Ctx, where: SQL[]) =>
  withSubjects(ctx.db.select(caseColumns).from(supervisionCases).$dynamic()).where(
    and(eq(supervisionCases.conferenceId, ctx.conferenceId), ...where),
  );

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

export async function getCase(ctx: Ctx, id: string): Promise<SupervisionCaseDetail> {
  requireRole(ctx, SUPERVISION_READERS);
  const [row] = await casesQuery(ctx, [eq(supervisionCases.id, id)]);
  if (!row) throw notFound('督办件');
  const opinions = await ctx.db
    .select()
    .from(supervisionOpinions)
    .where(eq(supervisionOpinions.caseId, id))
    .orderBy(asc(supervisionOpinions.at));
  return {
    ...view(row),
    opinions: opinions.map((o) => ({
      id: o.id,
      authorId: o.authorId,
      text: o.text,
      at: o.at.toISOString(),
    })),
  };
}

export async function addOpinion(ctx: Ctx, caseId: string, input: OpinionInput) {
  requireRole(ctx, ['supervisor']);
  return withTransaction(ctx, async (tx) => {
    await lockAuditChain(tx);
    const current = await getCase(tx, caseId);
    if (current.status !== 'open')
      throw new AppError('illegal_transition', '督办件已办结，不能再添加意见');
    await tx.db.insert(supervisionOpinions).values({
      caseId,
      authorId: ctx.actor.userId,
      text: input.text,
      at: ctx.clock.now(),
    });
    await appendAudit(tx, {
      action: 'supervision.opinion',
      subjectType: 'supervision_case',
      subjectId: caseId,
      payload: { text: input.text },
    });
    return getCase(tx, caseId);
  });
}

export async function closeCase(ctx: Ctx, caseId: string, input: CloseCaseInput) {
  requireRole(ctx, ['supervisor']);
  return withTransaction(ctx, async (tx) => {
    await lockAuditChain(tx);
    await getCase(tx, caseId);
    const closed = await tx.db
      .update(supervisionCases)
      .set({
        status: 'closed',
        closedAt: ctx.clock.now(),
        closedBy: ctx.actor.userId,
        conclusion: input.conclusion,
        accountability: input.accountability ?? null,
      })
      .where(and(eq(supervisionCases.id, caseId), eq(supervisionCases.status, 'open')))
      .returning({ id: supervisionCases.id });
    if (!closed.length) throw new AppError('illegal_transition', '督办件已办结');
    await appendAudit(tx, {
      action: 'supervision.closed',
      subjectType: 'supervision_case',
      subjectId: caseId,
      payload: { conclusion: input.conclusion, accountability: input.accountability ?? null },
    });
    return getCase(tx, caseId);
  });
}
