import {
  AppError,
  type StatReport,
  staleVersion,
  type UpdateStatReportInput,
} from '@lianxi/domain';
import { statReports } from '@lianxi/db';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { keepRevision } from './revisions.js';
import { findReport, toReport } from './view.js';

/**
 * 修改 / 更正: new figures for a report. An approved report may be corrected only with a
 * reason; it then waits for approval again, and every earlier set of figures is kept.
 */
export async function correctStatReport(
  ctx: Ctx,
  id: string,
  input: UpdateStatReportInput,
): Promise<StatReport> {
  requireRole(ctx, ['office', 'admin', 'unit']);
  return withTransaction(ctx, async (tx) => {
    const current = await findReport(tx, id, true);
    const correcting = current.status === 'approved';
    if (correcting && !input.reason) {
      throw new AppError('rule_violation', '更正已审核的报表须说明理由', {
        errors: [{ field: 'body.reason', message: '请填写更正理由' }],
      });
    }
    const [row] = await tx.db
      .update(statReports)
      .set({
        figures: input.figures,
        note: input.note ?? current.note,
        ...(correcting
          ? { status: 'submitted' as const, corrections: current.corrections + 1 }
          : {}),
        version: sql`${statReports.version} + 1`,
      })
      .where(and(eq(statReports.id, id), eq(statReports.version, input.version)))
      .returning();
    if (!row) throw staleVersion('统计报表');
    await keepRevision(tx, id, input.figures, input.reason ?? null);
    await appendAudit(tx, {
      action: correcting ? 'stat_report.corrected' : 'stat_report.updated',
      subjectType: 'stat_report',
      subjectId: id,
      payload: { month: row.month, reason: input.reason ?? null },
    });
    return toReport(row);
  });
}
