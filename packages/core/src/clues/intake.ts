import { type ClueIntake, type CreateClueInput, subjectKey } from '@lianxi/domain';
import { clueReports, clues } from '@lianxi/db';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { loadConference } from '../calendar/load.js';
import { nextSerial } from '../common/serial.js';
import type { ReporterKeys } from '../config.js';
import { type Ctx, requireRole } from '../context.js';
import { writeOutbox } from '../outbox/write.js';
import { withTransaction } from '../transaction.js';
import { jobId } from '@lianxi/queue';
import { sealReporter } from './reporter-seal.js';
import { type ClueRow, toClue } from './view.js';

/**
 * 线索登记: the office or a unit records a report. A report whose subject matches an open
 * clue joins it and raises its report count; otherwise it opens a new, numbered clue held by
 * the unit that received it (or by the office). The reporter is sealed before it is stored.
 */
export async function receiveClue(
  ctx: Ctx,
  input: CreateClueInput,
  keys: ReporterKeys,
): Promise<ClueIntake> {
  requireRole(ctx, ['office', 'admin', 'unit']);
  const key = subjectKey(input.subject);
  return withTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const open = () =>
      tx.db
        .select()
        .from(clues)
        .where(
          and(
            eq(clues.conferenceId, ctx.conferenceId),
            eq(clues.subjectKey, key),
            eq(clues.status, 'open'),
          ),
        )
        .for('update');
    let [clue]: (ClueRow | undefined)[] = await open();
    let merged = Boolean(clue);
    if (clue) {
      [clue] = await tx.db
        .update(clues)
        .set({
          reportCount: sql`${clues.reportCount} + 1`,
          updatedAt: now,
          version: sql`${clues.version} + 1`,
        })
        .where(eq(clues.id, clue.id))
        .returning();
    } else {
      const conference = await loadConference(tx, ctx.conferenceId);
      [clue] = await tx.db
        .insert(clues)
        .values({
          conferenceId: ctx.conferenceId,
          serial: await nextSerial(tx, conference, 'clue', now),
          channel: input.channel,
          subjectName: input.subject.name,
          subjectCreditCode: input.subject.creditCode || null,
          subjectUrl: input.subject.url || null,
          subjectKey: key,
          township: input.township ?? null,
          category: input.category,
          description: input.description,
          participants: input.participants ?? null,
          levels: input.levels ?? null,
          amountYuan: input.amountYuan ?? null,
          owningUnitId: ctx.actor.role === 'unit' ? ctx.actor.unitId : null,
          createdBy: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!clue) {
        // another intake of the same subject committed first: join it
        merged = true;
        [clue] = await open();
        [clue] = await tx.db
          .update(clues)
          .set({ reportCount: sql`${clues.reportCount} + 1`, updatedAt: now })
          .where(eq(clues.id, clue!.id))
          .returning();
      }
    }
    const sealed = input.reporter ? sealReporter(input.reporter, ctx.conferenceId, keys) : null;
    await tx.db.insert(clueReports).values({
      clueId: clue!.id,
      channel: input.channel,
      description: input.description,
      reporterSealed: sealed?.sealed ?? null,
      reporterKeyId: sealed?.keyId ?? null,
      receivedByUnitId: ctx.actor.unitId,
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    await appendAudit(tx, {
      action: merged ? 'clue.repeated' : 'clue.received',
      subjectType: 'clue',
      subjectId: clue!.id,
      // never the reporter: the chain is read by more people than may know who reported
      payload: {
        serial: clue!.serial,
        channel: input.channel,
        category: input.category,
        subjectKey: key,
      },
    });
    if (!merged) {
      await writeOutbox(tx, {
        conferenceId: ctx.conferenceId,
        queue: 'clues',
        job: 'route',
        payload: { clueId: clue!.id },
        jobId: jobId('route', clue!.id),
      });
    }
    return { ...toClue(clue!), merged };
  });
}
