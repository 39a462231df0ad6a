import type { ProgressInput } from '@lianxi/domain';
import type { Ctx } from '../context.js';
import { transitionTask } from './transition.js';

/** 报告进展: a note on the way; the task stays in hand. */
export const recordProgress = (ctx: Ctx, taskId: string, input: ProgressInput) =>
  transitionTask(ctx, taskId, {
    action: 'progress',
    expectedVersion: input.version,
    note: input.note,
  });
