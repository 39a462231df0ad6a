import type { Role } from '@lianxi/domain';
import { notifications, units, users } from '@lianxi/db';
import { jobId } from '@lianxi/queue';
import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { memoInTransaction } from '../common/tx-memo.js';
import type { Ctx } from '../context.js';
import { writeOutbox } from '../outbox/write.js';

/** 企业微信 and 钉钉 robots take at most 4,096 bytes of text; keep well inside it. */
const WEBHOOK_TEXT_MAX = 1500;

export interface Notice {
  /** Every user of these units, and every user holding these roles. */
  units?: string[];
  roles?: Role[];
  kind: string;
  title: string;
  body: string;
  subjectType?: string;
  subjectId?: string;
  /** The same key never notifies the same user twice, however often the caller runs. */
  dedupeKey: string;
  urgent?: boolean;
}

/**
 * Puts a notice in the inbox of each recipient and, for each recipient unit with a robot
 * webhook, queues the push. Runs in the caller's transaction.
 */
export async function notify(ctx: Ctx, notice: Notice): Promise<number> {
  const unitIds = notice.units ?? [];
  const roles = (notice.roles ?? []).filter((r) => r !== 'unit');
  const who = [
    ...(unitIds.length ? [and(eq(users.role, 'unit'), inArray(users.unitId, unitIds))] : []),
    ...(roles.length ? [inArray(users.role, roles)] : []),
  ];
  if (!who.length) return 0;
  const recipients = await memoInTransaction(
    ctx,
    `recipients:${ctx.conferenceId}:${unitIds.join(',')}:${roles.join(',')}`,
    () =>
      ctx.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.conferenceId, ctx.conferenceId), isNull(users.disabledAt), or(...who))),
  );
  const now = ctx.clock.now();
  const inserted = !recipients.length
    ? []
    : await ctx.db
        .insert(notifications)
        .values(
          recipients.map((r) => ({
            conferenceId: ctx.conferenceId,
            userId: r.id,
            kind: notice.kind,
            title: notice.title,
            body: notice.body,
            subjectType: notice.subjectType ?? null,
            subjectId: notice.subjectId ?? null,
            dedupeKey: notice.dedupeKey,
            urgent: notice.urgent ?? false,
            createdAt: now,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: notifications.id });
  // A unit's robot is told even when the unit has no account yet; the first run decides.
  if ((inserted.length || !recipients.length) && unitIds.length) {
    const hooked = await memoInTransaction(ctx, `hooked:${unitIds.join(',')}`, () =>
      ctx.db
        .select({ id: units.id })
        .from(units)
        .where(and(inArray(units.id, unitIds), isNotNull(units.webhookUrl))),
    );
    for (const unit of hooked) {
      await writeOutbox(ctx, {
        conferenceId: ctx.conferenceId,
        queue: 'notifications',
        job: 'webhook',
        payload: {
          unitId: unit.id,
          text: `${notice.title}\n${notice.body}`.slice(0, WEBHOOK_TEXT_MAX),
        },
        jobId: jobId('webhook', notice.dedupeKey, unit.id),
      });
    }
  }
  return inserted.length;
}
