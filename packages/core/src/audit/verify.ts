import { auditLog } from '@lianxi/db';
import { AUDIT_READERS, type AuditVerifyResult } from '@lianxi/domain';
import { and, asc, eq, gt } from 'drizzle-orm';
import { type Ctx, requireRole } from '../context.js';
import { auditHash, GENESIS_HASH } from './hash.js';

const BATCH = 2000;

/** Recomputes the conference's chain from the first row; names the first row that does not fit. */
export async function verifyAudit(ctx: Ctx): Promise<AuditVerifyResult> {
  requireRole(ctx, AUDIT_READERS);
  let expectedPrev = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.conferenceId, ctx.conferenceId), gt(auditLog.id, afterId)))
      .orderBy(asc(auditLog.id))
      .limit(BATCH);
    for (const row of rows) {
      const recomputed = auditHash(expectedPrev, {
        conferenceId: row.conferenceId,
        at: row.at.toISOString(),
        actorId: row.actorId,
        actorRole: row.actorRole,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        payload: row.payload,
        requestId: row.requestId,
      });
      if (row.prevHash !== expectedPrev || row.hash !== recomputed) {
        return { ok: false, checked, firstBrokenId: row.id };
      }
      checked++;
      expectedPrev = row.hash;
      afterId = row.id;
    }
    if (rows.length < BATCH) return { ok: true, checked };
  }
}
