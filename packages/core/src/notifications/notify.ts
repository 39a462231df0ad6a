import type { Role } from '@lianxi/domain';
import { fixedInsert, notifications } from '@lianxi/db';
import { jobId } from '@lianxi/queue';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { type AnyOutboxEvent, writeOutboxMany } from '../outbox/write.js';
import { activeUsers, conferenceUnits } from '../units/of-conference.js';

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

/** Every user of these units, and every user holding these roles. */
async function recipientsOf(ctx: Ctx, unitIds: string[], roles: Role[]) {
  const all = await activeUsers(ctx);
  return all.filter(
    (u) =>
      (u.role === 'unit' && u.unitId !== null && unitIds.includes(u.unitId)) ||
      roles.includes(u.role),
  );
}

const insertNotices = fixedInsert(
  'notifications_insert',
  notifications,
  {
    conferenceId: notifications.conferenceId,
    userId: notifications.userId,
    kind: notifications.kind,
    title: notifications.title,
    body: notifications.body,
    subjectType: notifications.subjectType,
    subjectId: notifications.subjectId,
    dedupeKey: notifications.dedupeKey,
    urgent: notifications.urgent,
    createdAt: notifications.createdAt,
  },
  sql`ON CONFLICT DO NOTHING RETURNING dedupe_key`,
);

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
  if (rows.length) {
    const inserted = await insertNotices(ctx.db, rows);
    for (const r of inserted) fresh.add(r.dedupe_key as string);
  }
  const pushes: AnyOutboxEvent[] = [];
  for (const { notice, unitIds, recipients } of planned) {
    // A unit's robot is told even when the unit has no account yet; the first run decides.
    if (!unitIds.length || (recipients.length && !fresh.has(notice.dedupeKey))) continue;
    const known = await conferenceUnits(ctx);
    for (const unitId of unitIds.filter((id) => known.get(id)?.hooked)) {
      pushes.push({
        conferenceId: ctx.conferenceId,
        queue: 'notifications',
        job: 'webhook',
        payload: {
          unitId,
          text: `${notice.title}\n${notice.body}`.slice(0, WEBHOOK_TEXT_MAX),
        },
        jobId: jobId('webhook', notice.dedupeKey, unitId),
      });
    }
  }
  await writeOutboxMany(ctx, pushes);
}
