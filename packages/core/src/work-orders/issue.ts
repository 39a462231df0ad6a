import {
  AppError,
  chineseDateTime,
  type IssueWorkOrderInput,
  localDate,
  planIssue,
  type WorkOrder,
  yearOf,
} from '@lianxi/domain';
import { columnsOf, fixedInsert, rowsOf, workOrders } from '@lianxi/db';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { nextSerial } from '../common/serial.js';
import { type Ctx, requireRole } from '../context.js';
import { notify } from '../notifications/notify.js';
import { createTasks } from '../tasks/create.js';
import { type DeadlineEnv, loadDeadlineEnv } from '../tasks/deadline-env.js';
import { withTransaction } from '../transaction.js';
import { conferenceUnits } from '../units/of-conference.js';
import { dueRule } from './due-rule.js';
import { workOrderOf } from './read.js';

/** As the order's tasks are read back: lead first (the enum's order). */
const ROLE_ORDER = { lead: 0, assist: 1 } as const;

const insertOrder = fixedInsert(
  'work_orders_insert',
  workOrders,
  {
    conferenceId: workOrders.conferenceId,
    serial: workOrders.serial,
    title: workOrders.title,
    body: workOrders.body,
    priority: workOrders.priority,
    issuedBy: workOrders.issuedBy,
    issuedAt: workOrders.issuedAt,
    dueAt: workOrders.dueAt,
    resolutionId: workOrders.resolutionId,
    parentOrderId: workOrders.parentOrderId,
  },
  sql`RETURNING ${columnsOf(workOrders)}`,
);

/**
 * Where an order comes from: the meeting's resolution it carries out, or the order it splits
 * (a share from above, `parentOrderId`), which it may not outlast (`dueBy`).
 */
export interface IssueOrigin {
  resolutionId?: string;
  parentOrderId?: string;
  dueBy?: Date;
}

/**
 * 交办: the office issues a work order; each assigned unit gets a task with its own clocks.
 * A deadline that reaches a year without an imported calendar is provisional, and the office
 * is told to import that year.
 */
export async function issueWorkOrder(
  ctx: Ctx,
  input: IssueWorkOrderInput,
  origin: IssueOrigin = {},
): Promise<WorkOrder> {
  requireRole(ctx, ['office', 'admin']);
  return withTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    // the units it checks and the users it tells come in the same statement
    const env = await loadDeadlineEnv(tx, now, { withDirectory: true });
    const unitIds = input.assignments.map((a) => a.unitId);
    const known = await conferenceUnits(tx);
    const missing = input.assignments.flatMap((a, i) =>
      known.has(a.unitId) ? [] : [{ field: `body.assignments.${i}.unitId`, message: '单位不存在' }],
    );
    if (missing.length) {
      throw new AppError('rule_violation', '指派的单位不属于本联席会议', { errors: missing });
    }
    const due = dueRule(input, env, now);
    // every task of the order runs to the same due rule: the order is due when they are
    const { dueAt } = planIssue(env.cal, env.timeZone, env.policy, now, due);
    if (origin.dueBy && dueAt > origin.dueBy) {
      const field = input.dueInWorkdays !== undefined ? 'dueInWorkdays' : 'dueAt';
      throw new AppError(
        'rule_violation',
        `办理期限不能晚于上级交办的期限 ${chineseDateTime(origin.dueBy, env.timeZone)}`,
        { errors: [{ field: `body.${field}`, message: '晚于上级交办的期限' }] },
      );
    }
    const serial = await nextSerial(tx, env.conference, 'work_order', now);
    const [order] = rowsOf(
      workOrders,
      await insertOrder(tx.db, [
        {
          conferenceId: ctx.conferenceId,
          serial,
          title: input.title,
          body: input.body,
          priority: input.priority,
          issuedBy: ctx.actor.userId,
          issuedAt: now,
          dueAt,
          resolutionId: origin.resolutionId ?? null,
          parentOrderId: origin.parentOrderId ?? null,
        },
      ]),
    );
    const created = await createTasks(
      tx,
      env,
      input.assignments.map((a) => ({
        workOrderId: order.id,
        unitId: a.unitId,
        role: a.role,
        due,
      })),
    );
    await appendAudit(tx, {
      action: 'work_order.issued',
      subjectType: 'work_order',
      subjectId: order.id,
      payload: {
        serial,
        title: input.title,
        priority: input.priority,
        resolutionId: origin.resolutionId ?? null,
        ...(origin.parentOrderId ? { parentOrderId: origin.parentOrderId } : {}),
        tasks: created.map((t) => ({ id: t.id, unitId: t.unitId, role: t.role })),
      },
    });
    await notify(tx, {
      units: unitIds,
      kind: 'task.issued',
      title: `收到交办单 ${serial}`,
      body: `《${input.title}》，请及时签收办理。`,
      subjectType: 'work_order',
      subjectId: order.id,
      dedupeKey: `work-order-issued-${order.id}`,
    });
    if (created.some((t) => t.provisional)) await warnMissingCalendar(tx, env, created);
    const leadFirst = [...created].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
    return workOrderOf(order, leadFirst);
  });
}

async function warnMissingCalendar(
  ctx: Ctx,
  env: DeadlineEnv,
  created: { dueAt: Date; level3At: Date }[],
) {
  const years = new Set<number>();
  for (const t of created) {
    for (const d of [t.dueAt, t.level3At]) {
      const year = yearOf(localDate(d, env.timeZone));
      if (!env.cal.years.has(year)) years.add(year);
    }
  }
  for (const year of years) {
    await notify(ctx, {
      roles: ['office', 'admin'],
      kind: 'calendar.missing',
      title: `请导入 ${year} 年工作日历`,
      body: `有期限落在 ${year} 年，该年节假日安排尚未导入，暂按周一至周五计算（临时期限）。导入后将自动重算。`,
      dedupeKey: `calendar-missing-${year}`,
      urgent: true,
    });
  }
}
