import type { Policy, WorkdayCalendar } from '@lianxi/domain';
import { loadCalendar, loadConference } from '../calendar/load.js';
import type { Ctx } from '../context.js';
import { loadPolicy } from '../policy/load.js';

/** What counting a deadline needs: the schedule, the conference's zone and its policy. */
export interface DeadlineEnv {
  cal: WorkdayCalendar;
  timeZone: string;
  policy: Policy;
  conference: Awaited<ReturnType<typeof loadConference>>;
}

export async function loadDeadlineEnv(ctx: Ctx, around: Date): Promise<DeadlineEnv> {
  const [conference, { policy }, cal] = await Promise.all([
    loadConference(ctx, ctx.conferenceId),
    loadPolicy(ctx, ctx.conferenceId),
    loadCalendar(ctx, around),
  ]);
  return { cal, timeZone: conference.timeZone, policy, conference };
}
