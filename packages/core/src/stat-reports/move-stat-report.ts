import {
  AppError,
  type ReturnStatReportInput,
  type StatReport,
  type StatReportStatus,
} from '@lianxi/domain';
import { statReports } from '@lianxi/db';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { notify } from '../notifications/notify.js';
import { withTransaction } from '../transaction.js';
import { findReport, toReport } from './view.js';

const MOVES = {
  submit: {
    from: 'draft',
    to: 'submitted',
    roles: ['office', 'admin', 'unit'],
    refusal: '只有草稿可以上报',
  },
  approve: {
    from: 'submitted',
    to: 'approved',
    roles: ['office', 'admin'],
    refusal: '只有待审核的报表可以审核通过',
  },
  return: {
    from: 'submitted',
    to: 'draft',
    roles: ['office', 'admin'],
    refusal: '只有待审核的报表可以退回',
  },
} as const satisfies Record<
  string,
  {
    from: StatReportStatus;
    to: StatReportStatus;
    roles: readonly ('office' | 'admin' | 'unit')[];
    refusal: string;
  }
>;

/** 上报, 审核通过, 退回修改: one conditional update each. */
export async function moveStatReport(
  ctx: Ctx,
  id: string,
  verb: keyof typeof MOVES,
  input?: ReturnStatReportInput,
): Promise<StatReport> {
  const move = MOVES[verb];
  requireRole(ctx, move.roles);
  return withTransaction(ctx, async (tx) => {
    await findReport(tx, id);
    const now = ctx.clock.now();
    const [row] = await tx.db
      .update(statReports)
      .set({
        status: move.to,
        // the first submission is the one that counts as on time or late
        ...(verb === 'submit'
          ? { submittedAt: sql`coalesce(${statReports.submittedAt}, ${now})` }
          : {}),
        ...(verb === 'approve' ? { approvedAt: now, approvedBy: ctx.actor.userId } : {}),
        returnReason: verb === 'return' ? (input?.reason ?? null) : null,
        version: sql`${statReports.version} + 1`,
      })
      .where(and(eq(statReports.id, id), eq(statReports.status, move.from)))
      .returning();
    if (!row) throw new AppError('illegal_transition', move.refusal);
    await appendAudit(tx, {
      action: `stat_report.${verb === 'submit' ? 'submitted' : verb === 'approve' ? 'approved' : 'returned'}`,
      subjectType: 'stat_report',
      subjectId: id,
      payload: { month: row.month, reason: input?.reason ?? null },
    });
    if (verb === 'return') {
      await notify(tx, {
        units: [row.unitId],
        kind: 'stat_report.returned',
        title: `${row.month} 统计报表被退回修改`,
        body: input?.reason ?? '请核对后重新上报。',
        subjectType: 'stat_report',
        subjectId: id,
        dedupeKey: `stat-report-returned-${id}-${row.version}`,
      });
    }
    return toReport(row);
  });
}
