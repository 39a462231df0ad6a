import { conferences, units, workOrders } from '@lianxi/db';
import {
  AppError,
  type IssueOrderDownInput,
  type OrderDownProgress,
  planIssue,
} from '@lianxi/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { nextSerial } from '../common/serial.js';
import { type Ctx, requireRole } from '../context.js';
import { notify } from '../notifications/notify.js';
import { createTask } from '../tasks/create.js';
import { loadDeadlineEnv } from '../tasks/deadline-env.js';
import { withTransaction } from '../transaction.js';
import { dueRule } from '../work-orders/due-rule.js';
import { orderDownProgressOf } from './order-progress.js';

/**
 * 向下级交办: the office issues a work order to the offices of conferences directly below its
 * own. The order is the issuer's (its number, in its list); each conference below gets its own
 * order under its own number, pointing up to it, with one task for the unit hosting its office
 * whose clocks are counted now on the issuer's policy and calendar. Audited in the issuer's
 * chain and, as received, in each chain below; the offices below are told.
 */
export async function issueOrderDown(
  ctx: Ctx,
  input: IssueOrderDownInput,
): Promise<OrderDownProgress> {
  requireRole(ctx, ['office', 'admin']);
  return withTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const below = await tx.db
      .select({
        id: conferences.id,
        name: conferences.name,
        serialPrefix: conferences.serialPrefix,
        timeZone: conferences.timeZone,
        officeUnitId: units.id,
      })
      .from(conferences)
      .leftJoin(units, and(eq(units.conferenceId, conferences.id), eq(units.hostsOffice, true)))
      .where(
        and(
          inArray(conferences.id, input.conferenceIds),
          eq(conferences.parentId, ctx.conferenceId),
        ),
      );
    const byId = new Map(below.map((c) => [c.id, c]));
    const refused = input.conferenceIds.flatMap((id, i) => {
      const c = byId.get(id);
      if (!c) return [{ field: `body.conferenceIds.${i}`, message: '不是本级的直属下级联席会议' }];
      if (!c.officeUnitId)
        return [{ field: `body.conferenceIds.${i}`, message: '该下级尚无办公室所在单位' }];
      return [];
    });
    if (refused.length) {
      throw new AppError('rule_violation', '只能向设有办公室的直属下级联席会议交办', {
        errors: refused,
      });
    }

    // the issuer's policy and calendar count every clock, above and below
    const env = await loadDeadlineEnv(tx, now);
    const due = dueRule(input, env, now);
    const { dueAt } = planIssue(env.cal, env.timeZone, env.policy, now, due);
    const serial = await nextSerial(tx, env.conference, 'work_order', now);
    const [order] = await tx.db
      .insert(workOrders)
      .values({
        conferenceId: ctx.conferenceId,
        serial,
        title: input.title,
        body: input.body,
        priority: input.priority,
        issuedBy: ctx.actor.userId,
        issuedAt: now,
        dueAt,
      })
      .returning({ id: workOrders.id });

    const shares: { conferenceId: string; workOrderId: string; serial: string; taskId: string }[] =
      [];
    // each chain below is locked before the issuer's, and the chains below always in one order,
    // so two orders issued at once (or an escalation climbing up) never wait on each other
    for (const id of [...input.conferenceIds].sort()) {
      const child = byId.get(id)!;
      const there: Ctx = { ...tx, conferenceId: child.id };
      const childSerial = await nextSerial(there, child, 'work_order', now);
      const [copy] = await tx.db
        .insert(workOrders)
        .values({
          conferenceId: child.id,
          serial: childSerial,
          title: input.title,
          body: `${input.body}\n\n（上级交办：${env.conference.name} ${serial}）`,
          priority: input.priority,
          issuedBy: ctx.actor.userId,
          issuedAt: now,
          dueAt,
          parentOrderId: order.id,
          policyConferenceId: ctx.conferenceId,
        })
        .returning({ id: workOrders.id });
      const task = await createTask(there, env, {
        workOrderId: copy.id,
        unitId: child.officeUnitId!,
        role: 'lead',
        due,
        note: `上级交办 ${serial}`,
      });
      await appendAudit(there, {
        action: 'work_order.received_from_above',
        subjectType: 'work_order',
        subjectId: copy.id,
        payload: {
          serial: childSerial,
          title: input.title,
          parentOrderId: order.id,
          parentSerial: serial,
          parentConferenceId: ctx.conferenceId,
          tasks: [{ id: task.id, unitId: task.unitId, role: task.role }],
        },
      });
      await notify(there, {
        units: [child.officeUnitId!],
        roles: ['office'],
        kind: 'task.issued',
        title: `收到上级交办单 ${serial}`,
        body: `${env.conference.name}交办《${input.title}》，请及时签收办理。`,
        subjectType: 'work_order',
        subjectId: copy.id,
        dedupeKey: `work-order-issued-${copy.id}`,
      });
      shares.push({
        conferenceId: child.id,
        workOrderId: copy.id,
        serial: childSerial,
        taskId: task.id,
      });
    }

    await appendAudit(tx, {
      action: 'work_order.issued_down',
      subjectType: 'work_order',
      subjectId: order.id,
      payload: { serial, title: input.title, priority: input.priority, below: shares },
    });
    return orderDownProgressOf(tx, order.id);
  });
}
