import type { CalendarDay, Policy, WorkdayCalendar } from '@lianxi/domain';
import {
  columnsOf,
  conferences,
  fixedStatement,
  policies,
  rowsOf,
  runFixed,
  workOrders,
} from '@lianxi/db';
import { sql } from 'drizzle-orm';
import { calendarColumns, calendarOf, calendarSpan } from '../calendar/load.js';
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

const conferenceId = sql.placeholder('conferenceId');
const workOrderId = sql.placeholder('workOrderId');
const calendar = calendarColumns(sql.placeholder('from'), sql.placeholder('to'));
const directory = directoryColumns(conferenceId);

function envStatement(withDirectory: boolean) {
  const extra = withDirectory
    ? sql`, ${directory.directoryUnits} AS directory_units,
            ${directory.directoryUsers} AS directory_users`
    : sql``;
  return fixedStatement<'conferenceId' | 'workOrderId' | 'from' | 'to'>(
    withDirectory ? 'deadline_env_directory' : 'deadline_env',
    sql`SELECT ${columnsOf(conferences, 'c')}, p.policy AS policy, ${calendar.years} AS years, ${calendar.days} AS days
               ${extra}
          FROM ${conferences} c LEFT JOIN ${policies} p ON p.conference_id = c.id
         WHERE c.id = COALESCE(
                 (SELECT w.policy_conference_id FROM ${workOrders} w
                   WHERE w.id = ${workOrderId}::uuid AND w.conference_id = ${conferenceId}::uuid),
                 ${conferenceId}::uuid)`,
  );
}
const envAlone = envStatement(false);
const envWithDirectory = envStatement(true);

/**
 * The conference, its policy and the calendar around `around`, in one statement. With
 * `withDirectory`, the same statement reads the conference's units and active users and
 * remembers them for the rest of the transaction (`conferenceUnits`, `activeUsers`).
 *
 * With `workOrderId` (a task's order), the conference whose policy governs that order: a
 * share from above keeps the issuing conference's policy, calendar and zone every time its
 * tasks are counted again (extensions, rulings, the office's limits, a new calendar year),
 * as when it was first planned; any other order, the caller's own.
 */
export async function loadDeadlineEnv(
  ctx: Ctx,
  around: Date,
  opts: { withDirectory?: boolean; workOrderId?: string } = {},
): Promise<DeadlineEnv> {
  const [row] = await runFixed(ctx.db, opts.withDirectory ? envWithDirectory : envAlone, {
    conferenceId: ctx.conferenceId,
    workOrderId: opts.workOrderId ?? null,
    ...calendarSpan(around),
  });
  if (!row) throw new Error(`conference ${ctx.conferenceId} missing`);
  if (opts.withDirectory) {
    rememberDirectory(ctx, {
      directoryUnits: row.directory_units as DirectoryRow['directoryUnits'],
      directoryUsers: row.directory_users as DirectoryRow['directoryUsers'],
    });
  }
  const [conference] = rowsOf(conferences, [row]);
  return {
    cal: calendarOf(row as { years: number[]; days: CalendarDay[] }),
    timeZone: conference.timeZone,
    policy: policyOf(row.policy),
    conference,
  };
}
