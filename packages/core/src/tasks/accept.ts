import type { AcceptTaskInput } from '@lianxi/domain';
import type { Ctx } from '../context.js';
import { transitionTask } from './transition.js';

/** 签收: the unit takes the task on; the sign-for clock stops. */
export const acceptTask = (ctx: Ctx, taskId: string, input: AcceptTaskInput) =>
  transitionTask(ctx, taskId, { action: 'accept', expectedVersion: input.version });
