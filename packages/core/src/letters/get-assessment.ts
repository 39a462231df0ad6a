import type { Assessment } from '@lianxi/domain';
import type { Ctx } from '../context.js';
import { assessmentOf } from './live-assessment.js';
import { findLetter } from './view.js';

/** 考核: live at any moment with its breakdown; once finalised, the frozen result. */
export async function getAssessment(ctx: Ctx, id: string): Promise<Assessment> {
  return assessmentOf(ctx, await findLetter(ctx, id));
}
