import type { Role } from '@lianxi/domain';
import { notifications, units, users } from '@lianxi/db';
import { jobId } from '@lianxi/queue';
import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { memoInTransaction } from '../common/tx-memo.js';
import type { Ctx } from '../context.js';
import { type AnyOutboxEvent, writeOutboxMany } from '../outbox/write.js';

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
export async function notify(ctx: Ctx, notice: Notice): Promise<void> {
  await notifyMany(ctx, [notice]);
}

/** Rows per INSERT: well inside PostgreSQL's 65,535 parameters. */
const NOTIFY_CHUNK = 1000;

/** The recipients of a notice; the same set is read once per transaction. */
function recipientsOf(ctx: Ctx, unitIds: string[], roles: Role[]) {
  const who = [
    ...(unitIds.length ? [and(eq(users.role, 'unit'), inArray(users.unitId, unitIds))] : []),
    ...(roles.length ? [inArray(users.role, roles)] : []),
  ];
  if (!who.length) return Promise.resolve([] as { id: string }[]);
  return memoInTransaction(
    ctx,
    `recipients:${ctx.conferenceId}:${unitIds.join(',')}:${roles.join(',')}`,
    () =>
      ctx.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.conferenceId, ctx.conferenceId), isNull(users.disabledAt), or(...who))),
  );
}

/** Several notices with one INSERT for all their inbox rows and one for their pushes. */
export async function notifyMany(ctx: Ctx, notices: Notice[]): Promise<void> {
  const now = ctx.clock.now();
  const planned: { notice: Notice; unitIds: string[]; recipients: { id: string }[] }[] = [];
  for (const notice of notices) {
    const unitIds = notice.units ?? [];
    const roles = (notice.roles ?? []).filter((r) => r !== 'unit');
    if (!unitIds.length && !roles.length) continue;
    planned.push({ notice, unitIds, recipients: await recipientsOf(ctx, unitIds, roles) });
  }
  const rows = planned.flatMap(({ notice, recipients }) =>
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
  );
  // which notices reached someone for the first time: a repeat run pushes nothing again
  const fresh = new Set<string>();
  for (let i = 0; i < rows.length; i += NOTIFY_CHUNK) {
    const inserted = await ctx.db
      .insert(notifications)
      .values(rows.slice(i, i + NOTIFY_CHUNK))
      .onConflictDoNothing()
      .returning({ dedupeKey: notifications.dedupeKey });
    for (const r of inserted) fresh.add(r.dedupeKey);
  }
  const pushes: AnyOutboxEvent[] = [];
  for (const { notice, unitIds, recipients } of planned) {
    // A unit's robot is told even when the unit has no account yet; the first run decides.
    if (!unitIds.length || (recipients.length && !fresh.has(notice.dedupeKey))) continue;
    const hooked = await memoInTransaction(ctx, `hooked:${unitIds.join(',')}`, () =>
      ctx.db
        .select({ id: units.id })
        .from(units)
        .where(and(inArray(units.id, unitIds), isNotNull(units.webhookUrl))),
    );
    for (const unit of hooked) {
      pushes.push({
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
  await writeOutboxMany(ctx, pushes);
}
