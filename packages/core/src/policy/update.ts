import {
  ROSTER_EDITORS,
  staleVersion,
  type PolicyView,
  type UpdatePolicyInput,
} from '@lianxi/domain';
import { policies } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { loadPolicy } from './load.js';

/** Applies to work orders issued from now on; open tasks keep the clocks they were given. */
export async function updatePolicy(ctx: Ctx, input: UpdatePolicyInput): Promise<PolicyView> {
  requireRole(ctx, ROSTER_EDITORS);
  return withTransaction(ctx, async (tx) => {
    const current = await loadPolicy(tx, ctx.conferenceId);
    if (current.version !== input.version) throw staleVersion('督办规则');
    const version = current.version + 1;
    const now = ctx.clock.now();
    const written = await tx.db
      .insert(policies)
      .values({ conferenceId: ctx.conferenceId, policy: input.policy, version, updatedAt: now })
      .onConflictDoUpdate({
        target: policies.conferenceId,
        set: { policy: input.policy, version, updatedAt: now },
        setWhere: and(
          eq(policies.conferenceId, ctx.conferenceId),
          eq(policies.version, input.version),
        ),
      })
      .returning({ version: policies.version });
    if (!written.length) throw staleVersion('督办规则');
    await appendAudit(tx, {
      action: 'policy.updated',
      subjectType: 'policy',
      subjectId: ctx.conferenceId,
      payload: { policy: input.policy, version },
    });
    return { policy: input.policy, version };
  });
}
