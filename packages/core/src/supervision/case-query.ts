import type { SupervisionCase } from '@lianxi/domain';
import { clues, handoffs, supervisionCases, tasks, workOrders } from '@lianxi/db';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Ctx } from '../context.js';

// a case is about a task or a hand-off: each side's columns are null on the other's rows
export const serial = sql<string>`coalesce(${workOrders.serial}, ${clues.serial})`;
export const title = sql<string>`coalesce(${workOrders.title}, ${clues.subjectName})`;
export const unitId = sql<string>`coalesce(${tasks.unitId}, ${handoffs.toUnitId})`;

export const caseColumns = { c: supervisionCases, serial, title, unitId };

export type CaseRow = {
  c: typeof supervisionCases.$inferSelect;
  serial: string;
  title: string;
  unitId: string;
};

export const view = (r: CaseRow): SupervisionCase => ({
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
export const withSubjects = <Q extends PgSelect>(q: Q) =>
  q
    .leftJoin(tasks, eq(tasks.id, supervisionCases.taskId))
    .leftJoin(workOrders, eq(workOrders.id, tasks.workOrderId))
    .leftJoin(handoffs, eq(handoffs.id, supervisionCases.handoffId))
    .leftJoin(clues, eq(clues.id, handoffs.clueId));

export const casesQuery = (ctx: Ctx, where: SQL[]) =>
  withSubjects(ctx.db.select(caseColumns).from(supervisionCases).$dynamic()).where(
    and(eq(supervisionCases.conferenceId, ctx.conferenceId), ...where),
  );
