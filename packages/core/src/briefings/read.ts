import type { Briefing } from '@lianxi/domain';
import type { Ctx } from '../context.js';
import { findBriefing, toBriefing } from './view.js';

export async function getBriefing(ctx: Ctx, id: string): Promise<Briefing> {
  return toBriefing(await findBriefing(ctx, id));
}
