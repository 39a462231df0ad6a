import {
  type Escalation,
  OPEN_STATUSES,
  type TaskDetail,
  type TaskListQuery,
  type TaskSummary,
} from '@lianxi/domain';
import { escalations, taskEvents, tasks, workOrders } from '@lianxi/db';
import { and, asc, count, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { decodeTimeCursor } from '../common/cursor.js';
import { olderThanKey, timePage } from '../common/keyset.js';
import { dayRange, keywordIn, listPage } from '../common/list.js';
import { limitInText, preparedByShape, rowsForPage } from '../common/prepared.js';
import type { Ctx } from '../context.js';
import { findTask, scopeOf, summaryColumns, taskScope, toSummary } from './row.js';

const p = sql.placeholder;

interface ListShape extends Record<string, boolean | number> {
  unitScoped: boolean;
  status: boolean;
  unitId: boolean;
  workOrderId: boolean;
  overdue: boolean;
  onTime: boolean;
  cursor: boolean;
  rows: number;
}

/**
 * The task list, one statement per combination of filters, within the caller's scope.
 */
const listStatement = preparedByShape('tasks_list', (db, statement, shape: ListShape) => {
  const where: SQL[] = [
    scopeOf(p('conferenceId'), shape.unitScoped ? p('scopeUnitId') : undefined),
  ];
  if (shape.status) where.push(eq(tasks.status, p('status')));
  if (shape.unitId) where.push(eq(tasks.unitId, p('unitId')));
  if (shape.workOrderId) where.push(eq(tasks.workOrderId, p('workOrderId')));
  if (shape.overdue) {
    where.push(and(gt(tasks.escalationLevel, 0), inArray(tasks.status, [...OPEN_STATUSES]))!);
  }
  if (shape.onTime) where.push(eq(tasks.escalationLevel, 0));
  if (shape.cursor)
    where.push(olderThanKey(tasks.createdAt, tasks.id, p('cursorAt'), p('cursorId')));
  return db
    .select({ task: summaryColumns, serial: workOrders.serial, title: workOrders.title })
    .from(tasks)
    .innerJoin(workOrders, eq(workOrders.id, tasks.workOrderId))
    .where(and(...where))
    .orderBy(desc(tasks.createdAt), desc(tasks.id))
    .limit(limitInText(shape.rows))
    .prepare(statement);
});

/** The filters the prepared inbox statement knows; any other sends a query the general way. */
const searched = (q: TaskListQuery) =>
  q.offset !== undefined ||
  q.sort !== undefined ||
  q.q !== undefined ||
  q.level !== undefined ||
  [q.dueFrom, q.dueTo, q.issuedFrom, q.issuedTo].some((d) => d !== undefined);

/** Tasks in the caller's scope, newest first; a unit user's `unitId` filter cannot widen it. */
export async function listTasks(
  ctx: Ctx,
  query: TaskListQuery,
): Promise<{ items: TaskSummary[]; nextCursor: string | null; total?: number }> {
  if (searched(query)) return searchTasks(ctx, query);
  const unitScoped = ctx.actor.role === 'unit';
  const cursor = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
  const statement = listStatement(ctx.db, {
    unitScoped,
    status: query.status !== undefined,
    unitId: query.unitId !== undefined,
    workOrderId: query.workOrderId !== undefined,
    overdue: query.overdue === true,
    onTime: query.overdue === false,
    cursor: cursor !== undefined,
    rows: rowsForPage(query.limit),
  });
  const rows = await statement.execute({
    conferenceId: ctx.conferenceId,
    scopeUnitId: unitScoped ? ctx.actor.unitId : null,
    status: query.status ?? null,
    unitId: query.unitId ?? null,
    workOrderId: query.workOrderId ?? null,
    cursorAt: cursor?.at ?? null,
    cursorId: cursor?.id ?? null,
  });
  return timePage(
    rows,
    query.limit,
    (r) => toSummary(r.task, r),
    (r) => [r.task.createdAt, r.task.id],
  );
}

/** The search bar's query: every filter in SQL within the caller's scope, paged either way. */
function searchTasks(ctx: Ctx, query: TaskListQuery) {
  const where: SQL[] = [taskScope(ctx)];
  if (query.status) where.push(eq(tasks.status, query.status));
  if (query.unitId) where.push(eq(tasks.unitId, query.unitId));
  if (query.workOrderId) where.push(eq(tasks.workOrderId, query.workOrderId));
  if (query.overdue === true)
    where.push(and(gt(tasks.escalationLevel, 0), inArray(tasks.status, [...OPEN_STATUSES]))!);
  if (query.overdue === false) where.push(eq(tasks.escalationLevel, 0));
  if (query.level !== undefined) where.push(eq(tasks.escalationLevel, query.level));
  if (query.q) where.push(keywordIn(query.q, [workOrders.serial, workOrders.title]));
  where.push(...dayRange(tasks.dueAt, query.dueFrom, query.dueTo));
  where.push(...dayRange(workOrders.issuedAt, query.issuedFrom, query.issuedTo));
  return listPage(query, where, {
    rows: (filter, order, limit, offset) =>
      ctx.db
        .select({ task: summaryColumns, serial: workOrders.serial, title: workOrders.title })
        .from(tasks)
        .innerJoin(workOrders, eq(workOrders.id, tasks.workOrderId))
        .where(filter)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    count: async (filter) => {
      const [row] = await ctx.db
        .select({ n: count() })
        .from(tasks)
        .innerJoin(workOrders, eq(workOrders.id, tasks.workOrderId))
        .where(filter);
      return row.n;
    },
    time: tasks.createdAt,
    id: tasks.id,
    key: (r) => [r.task.createdAt, r.task.id],
    sorts: { dueAt: tasks.dueAt, level: tasks.escalationLevel, issuedAt: workOrders.issuedAt },
    view: (r) => toSummary(r.task, r),
  });
}

export async function getTask(ctx: Ctx, id: string): Promise<TaskDetail> {
  const task = await findTask(ctx, id);
  const [order] = await ctx.db.select().from(workOrders).where(eq(workOrders.id, task.workOrderId));
  const events = await ctx.db
    .select()
    .from(taskEvents)
    .where(eq(taskEvents.taskId, id))
    .orderBy(asc(taskEvents.id));
  return {
    ...toSummary(task, order),
    body: order.body,
    priority: order.priority,
    returnDueAt: task.returnDueAt?.toISOString() ?? null,
    officeDueAt: task.officeDueAt?.toISOString() ?? null,
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      actorId: e.actorId,
      actorRole: e.actorRole,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
    })),
  };
}

export async function listEscalations(ctx: Ctx, taskId: string): Promise<{ items: Escalation[] }> {
  await findTask(ctx, taskId);
  const rows = await ctx.db
    .select()
    .from(escalations)
    .where(eq(escalations.taskId, taskId))
    .orderBy(asc(escalations.createdAt), asc(escalations.level));
  return {
    items: rows.map((r) => ({
      level: r.level,
      reason: r.reason,
      at: r.createdAt.toISOString(),
      deadlineVersion: r.deadlineVersion,
    })),
  };
}
