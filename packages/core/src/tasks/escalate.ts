import {
  type ClockEvent,
  type EscalationReason,
  LEVEL_LABELS,
  rolesToNotify,
} from '@lianxi/domain';
import { escalations, units, unnestRows, workOrders } from '@lianxi/db';
import { climbToIssuers } from './climb.js';
import { inArray, sql } from 'drizzle-orm';
import { type AuditEvent, appendAuditMany } from '../audit/append.js';
import type { DueEvent } from '../clocks/subject.js';
import type { Ctx } from '../context.js';
import { type Notice, notifyMany } from '../notifications/notify.js';
import { openOrRaiseCases, taskSubject } from '../supervision/open-cases.js';
import type { ClockTask } from './row.js';

/** One due clock event of a task whose row the caller holds locked. */
export type DueClockEvent = DueEvent<ClockTask, ClockEvent>;

/** What an event asks for: an escalation recorded once, a notice, a supervision case raised. */
interface Effect {
  task: ClockTask;
  escalation?: { reason: EscalationReason; level: number; dueAt: Date };
  notice: Notice;
  caseLevel?: 2 | 3;
}

type OrderText = { serial: string; title: string; unit: string };

function describe({ row: task, event, at: dueAt }: DueClockEvent, order: OrderText): Effect {
  // every notice names the item, the unit that owes it and what happened (DESIGN §2 words)
  const what = `《${order.title}》（${order.serial}）`;
  const by = `承办单位：${order.unit}。`;
  const base = {
    subjectType: 'task',
    subjectId: task.id,
    dedupeKey: `clock-${task.id}-${task.deadlineVersion}-${event.kind}-${'level' in event ? event.level : 0}`,
  };
  switch (event.kind) {
    case 'due_soon':
      return {
        task,
        notice: {
          ...base,
          units: [task.unitId],
          kind: 'task.due_soon',
          title: `【提醒】${what}即将到期`,
          body: `${by}任务即将到期，请抓紧办理。`,
        },
      };
    case 'unsigned':
      return {
        task,
        escalation: { reason: 'unsigned', level: 1, dueAt },
        notice: {
          ...base,
          units: [task.unitId],
          roles: ['office'],
          kind: 'task.unsigned',
          title: `【催办】${what}未按时签收`,
          body: `${by}已超过签收时限，请立即签收。`,
          urgent: true,
        },
      };
    case 'office_overdue':
      // the office's own lateness: supervisors hear of it from the first level, as it owes them
      return {
        task,
        escalation: { reason: 'office_overdue', level: event.level, dueAt },
        notice: {
          ...base,
          roles: event.level === 1 ? ['office', 'supervisor'] : [...rolesToNotify(event.level)],
          kind: event.level === 1 ? 'task.office_overdue' : `task.office_level${event.level}`,
          title:
            task.status === 'returned'
              ? `【${LEVEL_LABELS[event.level]}】${what}退回逾期未审定`
              : `【${LEVEL_LABELS[event.level]}】${what}反馈逾期未审核`,
          body: `${by}等待打传办处理已超过时限${event.level > 1 ? `，已${LEVEL_LABELS[event.level]}` : ''}。`,
          urgent: true,
        },
      };
    case 'level': {
      const roles = [...rolesToNotify(event.level)];
      return {
        task,
        escalation: { reason: 'overdue', level: event.level, dueAt },
        caseLevel: event.level >= 2 ? (event.level as 2 | 3) : undefined,
        notice: {
          ...base,
          units: [task.unitId],
          roles: [...roles],
          kind: `task.level${event.level}`,
          title: `【${LEVEL_LABELS[event.level]}】${what}已逾期`,
          body:
            event.level === 3
              ? `${by}逾期未办结，已挂牌督办并将在考评中扣分。`
              : `${by}已逾期，请立即办理并说明原因。`,
          urgent: true,
        },
      };
    }
  }
}

const escalationKey = (taskId: string, reason: string, level: number) =>
  `${taskId}|${reason}|${level}`;

/**
 * Applies due clock events of tasks whose rows the caller holds locked, all of one
 * conference: each escalation is recorded once (unique on task, reason, level and deadline
 * version — an existing one means every effect of it has already happened), then every
 * notice, its audit link and its supervision case, each kind of row written in one statement.
 */
export async function applyClockEvents(ctx: Ctx, due: DueClockEvent[]): Promise<void> {
  if (!due.length) return;
  const orderIds = [...new Set(due.map((d) => d.row.workOrderId))];
  const orders = new Map(
    (
      await ctx.db
        .select({
          id: workOrders.id,
          serial: workOrders.serial,
          title: workOrders.title,
          parentOrderId: workOrders.parentOrderId,
        })
        .from(workOrders)
        .where(inArray(workOrders.id, orderIds))
    ).map((o) => [o.id, o]),
  );
  const unitIds = [...new Set(due.map((d) => d.row.unitId))];
  const unitNames = new Map(
    (
      await ctx.db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.id, unitIds))
    ).map((u) => [u.id, u.name]),
  );
  const effects = due.map((d) =>
    describe(d, { ...orders.get(d.row.workOrderId)!, unit: unitNames.get(d.row.unitId) ?? '' }),
  );

  const wanted = effects.filter((e) => e.escalation);
  const recorded = new Set<string>();
  if (wanted.length) {
    const now = ctx.clock.now();
    const { names, rows } = unnestRows(
      {
        conferenceId: escalations.conferenceId,
        taskId: escalations.taskId,
        level: escalations.level,
        reason: escalations.reason,
        deadlineVersion: escalations.deadlineVersion,
        dueAt: escalations.dueAt,
        createdAt: escalations.createdAt,
      },
      wanted.map(({ task, escalation }) => ({
        conferenceId: task.conferenceId,
        taskId: task.id,
        level: escalation!.level,
        reason: escalation!.reason,
        deadlineVersion: task.deadlineVersion,
        dueAt: escalation!.dueAt,
        createdAt: now,
      })),
    );
    const { rows: inserted } = await ctx.db.execute<{
      task_id: string;
      reason: string;
      level: number;
    }>(sql`INSERT INTO ${escalations} ${names} ${rows}
             ON CONFLICT DO NOTHING RETURNING task_id, reason, level`);
    for (const r of inserted) recorded.add(escalationKey(r.task_id, r.reason, r.level));
  }
  const applied = effects.filter(
    (e) =>
      !e.escalation ||
      recorded.has(escalationKey(e.task.id, e.escalation.reason, e.escalation.level)),
  );

  const audits: AuditEvent[] = applied
    .filter((e) => e.escalation)
    .map(({ task, escalation }) => ({
      action: 'task.escalated',
      subjectType: 'task',
      subjectId: task.id,
      payload: {
        level: escalation!.level,
        reason: escalation!.reason,
        deadlineVersion: task.deadlineVersion,
      },
    }));
  // the notices need no lock; the chain lock comes last, so the section it serialises
  // across writers is only the audit rows, the cases and the commit
  await notifyMany(
    ctx,
    applied.map((e) => e.notice),
  );
  await appendAuditMany(ctx, audits);
  await openOrRaiseCases(
    ctx,
    applied.flatMap((e) =>
      e.caseLevel ? [{ subject: taskSubject(e.task), level: e.caseLevel }] : [],
    ),
  );
  await climbToIssuers(
    ctx,
    applied.flatMap((e) => {
      const parentOrderId = orders.get(e.task.workOrderId)?.parentOrderId;
      return e.caseLevel && parentOrderId ? [{ effect: e, parentOrderId }] : [];
    }),
  );
}
