import type { Policy, WorkdayCalendar } from '@lianxi/domain';
import { conferences, policies } from '@lianxi/db';
import { eq, getTableColumns } from 'drizzle-orm';
import { calendarColumns, calendarOf } from '../calendar/load.js';
import type { Ctx } from '../context.js';
import { policyOf } from '../policy/load.js';
import { directoryColumns, type DirectoryRow, rememberDirectory } from '../units/of-conference.js';

/** What counting a deadline needs: the schedule, the conference's zone and its policy. */
export interface DeadlineEnv {
  cal: WorkdayCalendar;
  timeZone: string;
  policy: Policy;
  conference: typeof conferences.$inferSelect;
}

/**
 * The conference, its policy and the calendar around `around`, in one statement. With
 * `withDirectory`, the same statement reads the conference's units and active users and
 * remembers them for the rest of the transaction (`conferenceUnits`, `activeUsers`).
 */
export async function loadDeadlineEnv(
  ctx: Ctx,
  around: Date,
  opts: { withDirectory?: boolean } = {},
): Promise<DeadlineEnv> {
  const [row] = await ctx.db
    .select({
      conference: getTableColumns(conferences),
      policy: policies.policy,
      ...calendarColumns(around),
      ...(opts.withDirectory ? directoryColumns(ctx.conferenceId) : {}),
    })
    .from(conferences)
    .leftJoin(policies, eq(policies.conferenceId, conferences.id))
    .where(eq(conferences.id, ctx.conferenceId));
  if (!row) throw new Error(`conference ${ctx.conferenceId} missing`);
  if (row.directoryUnits && row.directoryUsers) rememberDirectory(ctx, row as DirectoryRow);
  return {
    cal: calendarOf(row),
    timeZone: row.conference.timeZone,
    policy: policyOf(row.policy),
    conference: row.conference,
  };
}
