import { LEVEL_LABELS } from '@lianxi/domain';
import { conferences, workOrders } from '@lianxi/db';
import { eq, inArray } from 'drizzle-orm';
import { appendAuditMany } from '../audit/append.js';
import type { Ctx } from '../context.js';
import { notifyMany } from '../notifications/notify.js';
import type { ClockTask } from './row.js';

interface Climb {
  effect: { task: ClockTask; caseLevel?: 2 | 3 };
  parentOrderId: string;
}

/**
 * An order from above that reaches 督办 or 挂牌督办 below is also the issuer's business: its
 * supervisors (and at 挂牌督办 its leaders) are told, in the issuing conference, and the climb
 * is written to the issuer's chain. Runs last in the escalation's transaction, after this
 * conference's own chain, so chains are always locked from below upwards.
 */
export async function climbToIssuers(ctx: Ctx, climbs: Climb[]): Promise<void> {
  if (!climbs.length) return;
  const parents = new Map(
    (
      await ctx.db
        .select({
          id: workOrders.id,
          conferenceId: workOrders.conferenceId,
          serial: workOrders.serial,
          title: workOrders.title,
        })
        .from(workOrders)
        .where(inArray(workOrders.id, [...new Set(climbs.map((c) => c.parentOrderId))]))
    ).map((o) => [o.id, o]),
  );
  const [here] = await ctx.db
    .select({ name: conferences.name })
    .from(conferences)
    .where(eq(conferences.id, ctx.conferenceId));
  const byIssuer = new Map<string, Climb[]>();
  for (const climb of climbs) {
    const parent = parents.get(climb.parentOrderId);
    if (!parent) continue;
    byIssuer.set(parent.conferenceId, [...(byIssuer.get(parent.conferenceId) ?? []), climb]);
  }
  for (const issuer of [...byIssuer.keys()].sort()) {
    const there: Ctx = { ...ctx, conferenceId: issuer };
    const list = byIssuer.get(issuer)!;
    await notifyMany(
      there,
      list.map(({ effect, parentOrderId }) => {
        const order = parents.get(parentOrderId)!;
        const level = effect.caseLevel!;
        return {
          roles: level === 3 ? ['supervisor', 'leader'] : ['supervisor'],
          kind: `task.below_level${level}`,
          title: `【下级${LEVEL_LABELS[level]}】《${order.title}》（${order.serial}）`,
          body: `${here?.name ?? '下级'}承办的本级交办事项已逾期，已${LEVEL_LABELS[level]}。`,
          subjectType: 'work_order',
          subjectId: parentOrderId,
          dedupeKey: `climb-${effect.task.id}-${effect.task.deadlineVersion}-${level}`,
          urgent: true,
        };
      }),
    );
    await appendAuditMany(
      there,
      list.map(({ effect, parentOrderId }) => ({
        action: 'task.escalated_below',
        subjectType: 'work_order',
        subjectId: parentOrderId,
        payload: {
          level: effect.caseLevel,
          conferenceId: ctx.conferenceId,
          workOrderId: effect.task.workOrderId,
          taskId: effect.task.id,
          deadlineVersion: effect.task.deadlineVersion,
        },
      })),
    );
  }
}
