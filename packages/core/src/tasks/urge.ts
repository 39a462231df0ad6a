import type { UrgeTaskInput } from '@lianxi/domain';
import { workOrders } from '@lianxi/db';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { openOrRaiseCases, taskSubject } from '../supervision/open-cases.js';
import { transitionTask } from './transition.js';

const WORDS = {
  urge: { title: '催办', ask: '请抓紧办理并及时反馈' },
  supervise: { title: '督办', ask: '已列为督办件，请限期办结并说明情况' },
} as const;

/**
 * 催办 / 督办 by a supervisor's hand, before or after the clock gets there: written in the
 * task's history with the supervisor's words, the unit and the office are told, and 督办
 * opens the task's supervision case. The task's measured lateness is the clock's alone, so
 * an item urged before its due time still counts as on time when it is done in time.
 */
export const urgeTask = (
  ctx: Ctx,
  taskId: string,
  kind: 'urge' | 'supervise',
  input: UrgeTaskInput,
) =>
  transitionTask(ctx, taskId, {
    action: kind,
    expectedVersion: input.version,
    note: input.note,
    after: async (task, _before, tx) => {
      const [order] = await tx.db
        .select({ serial: workOrders.serial, title: workOrders.title })
        .from(workOrders)
        .where(eq(workOrders.id, task.workOrderId));
      const words = WORDS[kind];
      await notify(tx, {
        units: [task.unitId],
        roles: ['office'],
        kind: `task.${kind}`,
        title: `【${words.title}】《${order.title}》（${order.serial}）`,
        body: `督查意见：${input.note}。${words.ask}。`,
        subjectType: 'task',
        subjectId: task.id,
        dedupeKey: `task-${kind}-${task.id}-${task.version}`,
        urgent: true,
      });
      if (kind === 'supervise')
        await openOrRaiseCases(tx, [{ subject: taskSubject(task), level: 2 }]);
    },
  });
