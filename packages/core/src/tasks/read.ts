import {
  type Escalation,
  OPEN_STATUSES,
  type TaskDetail,
  type TaskFilters,
  type TaskListQuery,
  type TaskSummary,
} from '@lianxi/domain';
import { escalations, taskEvents, tasks, units, users, workOrders } from '@lianxi/db';
import { and, asc, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { decodeTimeCursor } from '../common/cursor.js';
import { olderThanKey, timePage } from '../common/keyset.js';
import { dayRange, fromJoined, keywordIn, listPage } from '../common/list.js';
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
  if (shape.status) where.push(sql`${tasks.status} = ANY(${p('statuses')})`);
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
    statuses: query.status ?? null,
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

/**
 * The search bar's filters in SQL within the caller's scope, over tasks joined to their work
 * orders: what the list pages through and the 任务台账 export writes out.
 */
export function taskWhere(ctx: Ctx, query: TaskFilters): SQL[] {
  const where: SQL[] = [taskScope(ctx)];
  if (query.status) where.push(inArray(tasks.status, query.status));
  if (query.unitId) where.push(eq(tasks.unitId, query.unitId));
  if (query.workOrderId) where.push(eq(tasks.workOrderId, query.workOrderId));
  if (query.overdue === true)
    where.push(and(gt(tasks.escalationLevel, 0), inArray(tasks.status, [...OPEN_STATUSES]))!);
  if (query.overdue === false) where.push(eq(tasks.escalationLevel, 0));
  if (query.level !== undefined) where.push(eq(tasks.escalationLevel, query.level));
  if (query.q) where.push(keywordIn(query.q, [workOrders.serial, workOrders.title]));
  where.push(...dayRange(tasks.dueAt, query.dueFrom, query.dueTo));
  where.push(...dayRange(workOrders.issuedAt, query.issuedFrom, query.issuedTo));
  return where;
}

/** The search bar's query, paged either way. */
function searchTasks(ctx: Ctx, query: TaskListQuery) {
  return listPage(query, taskWhere(ctx, query), {
    ...fromJoined(
      ctx.db,
      tasks,
      { task: summaryColumns, serial: workOrders.serial, title: workOrders.title },
      (q) => q.innerJoin(workOrders, eq(workOrders.id, tasks.workOrderId)),
    ),
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
    .select({ e: taskEvents, actorName: users.displayName, actorUnit: units.name })
    .from(taskEvents)
    // the actor is looked up within the conference, as the audit log looks them up
    .leftJoin(
      users,
      and(eq(users.id, taskEvents.actorId), eq(users.conferenceId, task.conferenceId)),
    )
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(taskEvents.taskId, id))
    .orderBy(asc(taskEvents.id));
  return {
    ...toSummary(task, order),
    body: order.body,
    priority: order.priority,
    returnDueAt: task.returnDueAt?.toISOString() ?? null,
    officeDueAt: task.officeDueAt?.toISOString() ?? null,
    events: events.map(({ e, actorName, actorUnit }) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      actorId: e.actorId,
      actorRole: e.actorRole,
      actorName,
      actorUnit,
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
