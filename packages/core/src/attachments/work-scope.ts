import { tasks, workOrderAttachments } from '@lianxi/db';
import { and, eq, exists, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/**
 * Which of a work order's files the caller may see, in the query itself: everyone who sees
 * tasks sees them all; a unit sees the order's own files when it holds a task of the order,
 * and a task's evidence only when the task is its own (another unit's evidence is not there).
 */
export function workAttachmentScope(ctx: Ctx): SQL {
  const conference = eq(workOrderAttachments.conferenceId, ctx.conferenceId);
  if (ctx.actor.role !== 'unit') return conference;
  const unitId = ctx.actor.unitId ?? '';
  const holdsTaskOfOrder = ctx.db
    .select({ one: sql`1` })
    .from(tasks)
    .where(and(eq(tasks.workOrderId, workOrderAttachments.workOrderId), eq(tasks.unitId, unitId)));
  const ownsTask = ctx.db
    .select({ one: sql`1` })
    .from(tasks)
    .where(and(eq(tasks.id, workOrderAttachments.taskId), eq(tasks.unitId, unitId)));
  return and(
    conference,
    or(and(isNull(workOrderAttachments.taskId), exists(holdsTaskOfOrder)), exists(ownsTask)),
  )!;
}
