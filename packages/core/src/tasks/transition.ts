import {
  AppError,
  forbidden,
  nextStatus,
  staleVersion,
  TRANSITIONS,
  type TaskAction,
} from '@lianxi/domain';
import { extensionRequests, taskEvents, tasks } from '@lianxi/db';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import type { Ctx } from '../context.js';
import { withTransaction } from '../transaction.js';
import { refreshWorkOrderStatus } from './refresh-order-status.js';
import { findTask, type TaskRow } from './row.js';
import { scheduleClock } from './schedule.js';

export interface TransitionSpec {
  action: TaskAction;
  expectedVersion?: number;
  note?: string | null;
  /** Columns besides status and version, decided from the locked row. */
  change?: (row: TaskRow, tx: Ctx, now: Date) => Promise<Partial<TaskRow>> | Partial<TaskRow>;
  /** Work in the same transaction once the task is updated (new rows, notices). */
  after?: (updated: TaskRow, before: TaskRow, tx: Ctx) => Promise<void>;
  auditPayload?: Record<string, unknown>;
}

const OFFICE_ROLES = new Set(['office', 'admin', 'system']);

/** Only the task's own unit acts for the unit; only the office acts for the office. */
function authorize(ctx: Ctx, row: TaskRow, action: TaskAction) {
  const by = TRANSITIONS[action].by;
  if (by === 'unit' && !(ctx.actor.role === 'unit' && ctx.actor.unitId === row.unitId)) {
    throw forbidden('只有承办单位可以执行此操作');
  }
  if (by === 'office' && !OFFICE_ROLES.has(ctx.actor.role)) {
    throw forbidden('只有打传办可以执行此操作');
  }
  if (by === 'supervisor' && ctx.actor.role !== 'supervisor') {
    throw forbidden('只有督查人员可以催办、督办');
  }
}

/**
 * Every task transition: lock the row in scope, check who acts and from which state,
 * update on the version read, record the event and the audit row, reschedule the clock,
 * and keep the work order's status in step — all in one transaction.
 */
export async function transitionTask(ctx: Ctx, taskId: string, spec: TransitionSpec) {
  return withTransaction(ctx, async (tx) => {
    const row = await findTask(tx, taskId, true);
    authorize(tx, row, spec.action);
    if (spec.expectedVersion !== undefined && spec.expectedVersion !== row.version) {
      throw staleVersion('任务');
    }
    const to = nextStatus(row.status, spec.action, row.statusBeforeReturn);
    const now = ctx.clock.now();
    const changes = (await spec.change?.(row, tx, now)) ?? {};
    const [updated] = await tx.db
      .update(tasks)
      .set({ ...changes, status: to, version: sql`${tasks.version} + 1`, updatedAt: now })
      .where(and(eq(tasks.id, row.id), eq(tasks.version, row.version)))
      .returning();
    if (!updated) throw new AppError('stale_version', '任务已被他人修改，请刷新后重试');
    await tx.db.insert(taskEvents).values({
      taskId: row.id,
      at: now,
      actorId: ctx.actor.userId,
      actorRole: ctx.actor.role,
      action: spec.action,
      fromStatus: row.status,
      toStatus: to,
      note: spec.note ?? null,
    });
    await appendAudit(tx, {
      action: `task.${spec.action}`,
      subjectType: 'task',
      subjectId: row.id,
      payload: { from: row.status, to, ...(spec.auditPayload ?? {}) },
    });
    if (row.status === 'accepted' && to !== 'accepted') {
      // extensions are decided only while the unit has the task in hand
      await tx.db
        .update(extensionRequests)
        .set({ status: 'denied', decidedAt: now, comment: '任务状态已变更，延期申请自动失效' })
        .where(and(eq(extensionRequests.taskId, row.id), eq(extensionRequests.status, 'pending')));
    }
    await scheduleClock(tx, updated);
    await spec.after?.(updated, row, tx);
    await refreshWorkOrderStatus(tx, row.workOrderId);
    return updated;
  });
}
