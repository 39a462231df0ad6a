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
  // One after another: inside a transaction they share one connection.
  const conference = await loadConference(ctx, ctx.conferenceId);
  const { policy } = await loadPolicy(ctx, ctx.conferenceId);
  const cal = await loadCalendar(ctx, around);
  return { cal, timeZone: conference.timeZone, policy, conference };
}
