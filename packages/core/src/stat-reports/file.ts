import { AppError, checkYears, type CreateStatReportInput, type StatReport } from '@lianxi/domain';
import { statReports, units } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { keepRevision } from './revisions.js';
import { toReport } from './view.js';

/** The unit a report is for: a unit files its own; the office names one of the conference. */
async function reportingUnit(ctx: Ctx, unitId: string | undefined): Promise<string> {
  if (ctx.actor.role === 'unit') {
    if (unitId && unitId !== ctx.actor.unitId) {
      throw new AppError('forbidden', '只能填报本单位的统计报表');
    }
    return ctx.actor.unitId ?? '';
  }
  if (!unitId) {
    throw new AppError('invalid_input', '请选择填报单位', {
      errors: [{ field: 'body.unitId', message: '打传办代填时必须选择单位' }],
    });
  }
  const [unit] = await ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.conferenceId, ctx.conferenceId)));
  if (!unit) {
    throw new AppError('rule_violation', '单位不属于本联席会议', {
      errors: [{ field: 'body.unitId', message: '单位不存在或不属于本联席会议' }],
    });
  }
  return unitId;
}

/** 填报: a month's figures, kept as a draft or submitted for the office's approval. */
export async function fileStatReport(ctx: Ctx, input: CreateStatReportInput): Promise<StatReport> {
  requireRole(ctx, ['office', 'admin', 'unit']);
  checkYears([{ field: 'body.month', year: Number(input.month.slice(0, 4)) }], ctx.clock.now());
  return withTransaction(ctx, async (tx) => {
    const unitId = await reportingUnit(tx, input.unitId);
    const now = ctx.clock.now();
    const [row] = await tx.db
      .insert(statReports)
      .values({
        conferenceId: ctx.conferenceId,
        unitId,
        month: input.month,
        figures: input.figures,
        note: input.note ?? null,
        status: input.submit ? 'submitted' : 'draft',
        submittedAt: input.submit ? now : null,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError('conflict', `该单位 ${input.month} 的统计报表已存在，请修改原报表`);
    await keepRevision(tx, row.id, input.figures, null);
    await appendAudit(tx, {
      action: 'stat_report.filed',
      subjectType: 'stat_report',
      subjectId: row.id,
      payload: { unitId, month: input.month, status: row.status },
    });
    return toReport(row);
  });
}
