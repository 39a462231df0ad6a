import type { ClockEvent, EscalationReason } from '@lianxi/domain';
import { escalations, supervisionCases, workOrders } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { memoInTransaction } from '../common/tx-memo.js';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import type { TaskRow } from './row.js';

const LEVEL_TITLES = { 1: '催办', 2: '督办', 3: '挂牌督办' } as const;

/**
 * Writes one escalation row, unique on (task, reason, level, deadline version). Returns false
 * when it already exists: then every effect of it has already happened too.
 */
async function recordOnce(
  ctx: Ctx,
  task: TaskRow,
  reason: EscalationReason,
  level: number,
  dueAt: Date,
): Promise<boolean> {
  const inserted = await ctx.db
    .insert(escalations)
    .values({
      conferenceId: task.conferenceId,
      taskId: task.id,
      level,
      reason,
      deadlineVersion: task.deadlineVersion,
      dueAt,
      createdAt: ctx.clock.now(),
    })
    .onConflictDoNothing()
    .returning({ id: escalations.id });
  if (!inserted.length) return false;
  await appendAudit(ctx, {
    action: 'task.escalated',
    subjectType: 'task',
    subjectId: task.id,
    payload: { level, reason, deadlineVersion: task.deadlineVersion },
  });
  return true;
}

/** Level 2 opens the supervision case; level 3 raises it. One open case per task. */
async function openOrRaiseCase(ctx: Ctx, task: TaskRow, level: 2 | 3) {
  const [open] = await ctx.db
    .select()
    .from(supervisionCases)
    .where(and(eq(supervisionCases.taskId, task.id), eq(supervisionCases.status, 'open')));
  if (!open) {
    await ctx.db.insert(supervisionCases).values({
      conferenceId: task.conferenceId,
      taskId: task.id,
      level,
      openedAt: ctx.clock.now(),
    });
  } else if (open.level < level) {
    await ctx.db.update(supervisionCases).set({ level }).where(eq(supervisionCases.id, open.id));
  }
}

/** Applies one due clock event to a task whose row the caller holds locked. */
export async function applyClockEvent(
  ctx: Ctx,
  task: TaskRow,
  event: ClockEvent,
  dueAt: Date,
): Promise<void> {
  const [order] = await memoInTransaction(ctx, `order-title:${task.workOrderId}`, () =>
    ctx.db
      .select({ serial: workOrders.serial, title: workOrders.title })
      .from(workOrders)
      .where(eq(workOrders.id, task.workOrderId)),
  );
  const what = `《${order.title}》（${order.serial}）`;
  const base = {
    subjectType: 'task',
    subjectId: task.id,
    dedupeKey: `clock-${task.id}-${task.deadlineVersion}-${event.kind}-${'level' in event ? event.level : 0}`,
  };
  switch (event.kind) {
    case 'due_soon':
      await notify(ctx, {
        ...base,
        units: [task.unitId],
        kind: 'task.due_soon',
        title: '【提醒】任务即将到期',
        body: `${what}即将到期，请抓紧办理。`,
      });
      return;
    case 'unsigned':
      if (!(await recordOnce(ctx, task, 'unsigned', 1, dueAt))) return;
      await notify(ctx, {
        ...base,
        units: [task.unitId],
        roles: ['office'],
        kind: 'task.unsigned',
        title: '【催办】任务未按时签收',
        body: `${what}已超过签收时限，请立即签收。`,
        urgent: true,
      });
      return;
    case 'office_overdue':
      if (!(await recordOnce(ctx, task, 'office_overdue', 1, dueAt))) return;
      await notify(ctx, {
        ...base,
        roles: ['office', 'supervisor'],
        kind: 'task.office_overdue',
        title:
          task.status === 'returned' ? '【催办】退回事项逾期未审定' : '【催办】反馈事项逾期未审核',
        body: `${what}等待打传办处理已超过时限。`,
        urgent: true,
      });
      return;
    case 'level': {
      if (!(await recordOnce(ctx, task, 'overdue', event.level, dueAt))) return;
      if (event.level >= 2) await openOrRaiseCase(ctx, task, event.level as 2 | 3);
      const roles =
        event.level === 1
          ? (['office'] as const)
          : event.level === 2
            ? (['office', 'supervisor'] as const)
            : (['office', 'supervisor', 'leader'] as const);
      await notify(ctx, {
        ...base,
        units: [task.unitId],
        roles: [...roles],
        kind: `task.level${event.level}`,
        title: `【${LEVEL_TITLES[event.level]}】任务已逾期`,
        body:
          event.level === 3
            ? `${what}逾期未办结，已挂牌督办并将在考评中扣分。`
            : `${what}已逾期，请立即办理并说明原因。`,
        urgent: true,
      });
    }
  }
}
