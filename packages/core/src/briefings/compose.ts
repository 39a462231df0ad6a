import {
  type Briefing,
  checkYears,
  composeBriefing,
  type CreateBriefingInput,
  localDate,
  yearOf,
} from '@lianxi/domain';
import { briefings } from '@lianxi/db';
import { appendAudit } from '../audit/append.js';
import { nextNumber } from '../common/serial.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { gatherBriefingData } from './gather.js';
import { toBriefing } from './view.js';

/** 编发简报: 第 N 期 of the year, composed from the period's data as a draft to edit. */
export async function composeBriefingDraft(
  ctx: Ctx,
  input: CreateBriefingInput,
): Promise<Briefing> {
  requireRole(ctx, ['office', 'admin']);
  checkYears(
    [
      { field: 'body.from', year: yearOf(input.from) },
      { field: 'body.to', year: yearOf(input.to) },
    ],
    ctx.clock.now(),
  );
  return withTransaction(ctx, async (tx) => {
    const { data, conferenceName, timeZone } = await gatherBriefingData(
      tx,
      input.from,
      input.to,
      input.coverage,
    );
    const issuedOn = localDate(ctx.clock.now(), timeZone);
    const year = yearOf(issuedOn);
    const [row] = await tx.db
      .insert(briefings)
      .values({
        conferenceId: ctx.conferenceId,
        year,
        issueNo: await nextNumber(tx, 'briefing', year),
        issuer: `${conferenceName}办公室`,
        issuedOn,
        periodFrom: input.from,
        periodTo: input.to,
        sections: composeBriefing(data),
        createdBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await appendAudit(tx, {
      action: 'briefing.composed',
      subjectType: 'briefing',
      subjectId: row.id,
      payload: {
        year,
        issueNo: row.issueNo,
        from: input.from,
        to: input.to,
        ...(input.coverage === 'tree' ? { coverage: 'tree' } : {}),
      },
    });
    return toBriefing(row);
  });
}
