import { auditLog, fixedInsert, fixedStatement, runFixed } from '@lianxi/db';
import { sql } from 'drizzle-orm';
import { memoInTransaction, rememberInTransaction } from '../common/tx-memo.js';
import type { Ctx } from '../context.js';
import { type AuditBody, auditHash, GENESIS_HASH } from './hash.js';

export interface AuditEvent {
  action: string;
  subjectType: string;
  subjectId: string;
  payload?: Record<string, unknown>;
}

/** Namespace of the advisory lock that serialises one conference's chain. */
const AUDIT_LOCK = 7_412_002;

/**
 * Takes the conference's chain lock for the rest of the transaction. Locks are always taken
 * task row → audit chain → supervision case; a writer that changes a case without a task
 * takes the chain first, so no two writers ever wait on each other in a circle.
 */
export async function lockAuditChain(ctx: Ctx): Promise<void> {
  await runFixed(ctx.db, lockChain, { conferenceId: ctx.conferenceId });
}

const lockChain = fixedStatement<'conferenceId'>(
  'audit_lock_chain',
  sql`SELECT pg_advisory_xact_lock(${sql.raw(String(AUDIT_LOCK))},
                                   hashtext(${sql.placeholder('conferenceId')}))`,
);
const readHead = fixedStatement<'conferenceId'>(
  'audit_read_head',
  sql`SELECT ${auditLog.hash} FROM ${auditLog}
       WHERE ${auditLog.conferenceId} = ${sql.placeholder('conferenceId')}
       ORDER BY ${auditLog.id} DESC LIMIT 1`,
  { planEachRun: true },
);
const insertLinks = fixedInsert('audit_insert', auditLog, {
  conferenceId: auditLog.conferenceId,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorRole: auditLog.actorRole,
  action: auditLog.action,
  subjectType: auditLog.subjectType,
  subjectId: auditLog.subjectId,
  payload: auditLog.payload,
  requestId: auditLog.requestId,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
});

/**
 * Appends to the conference's chain inside the caller's transaction. The advisory lock is
 * held until that transaction ends, so two writers never chain to the same previous row.
 */
export async function appendAudit(ctx: Ctx, event: AuditEvent): Promise<void> {
  await appendAuditMany(ctx, [event]);
}

/** Several links of the chain, in order, in one statement. */
export async function appendAuditMany(ctx: Ctx, events: AuditEvent[]): Promise<void> {
  if (!ctx.inTransaction) throw new Error('appendAudit must run inside withTransaction');
  if (!events.length) return;
  // the head is read once per transaction: the lock keeps every other writer off the chain
  // until this transaction ends, and every append of this one updates the remembered head
  const headKey = `audit-head:${ctx.conferenceId}`;
  let prevHash = await memoInTransaction(ctx, headKey, async () => {
    await lockAuditChain(ctx);
    const [last] = await runFixed(ctx.db, readHead, { conferenceId: ctx.conferenceId });
    return (last?.hash as string | undefined) ?? GENESIS_HASH;
  });
  const at = ctx.clock.now();
  const rows = events.map((event) => {
    const body: AuditBody = {
      conferenceId: ctx.conferenceId,
      at: at.toISOString(),
      actorId: ctx.actor.userId,
      actorRole: ctx.actor.role,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      // Round-trip through JSON so what is hashed is exactly what jsonb gives back.
      payload: JSON.parse(JSON.stringify(event.payload ?? {})),
      requestId: ctx.requestId ?? null,
    };
    const hash = auditHash(prevHash, body);
    const row = { ...body, at, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // ids follow the order of the rows (unnest keeps it), and the chain is walked by id
  await insertLinks(ctx.db, rows);
  rememberInTransaction(ctx, headKey, prevHash);
}
