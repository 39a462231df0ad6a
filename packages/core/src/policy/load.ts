import { DEFAULT_POLICY, Policy } from '@lianxi/domain';
import { policies } from '@lianxi/db';
import { eq } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';

/** The conference's policy; the defaults of DESIGN §5 until the office sets its own. */
export async function loadPolicy(
  ctx: BaseCtx,
  conferenceId: string,
): Promise<{ policy: Policy; version: number }> {
  const [row] = await ctx.db.select().from(policies).where(eq(policies.conferenceId, conferenceId));
  return row
    ? { policy: policyOf(row.policy), version: row.version }
    : { policy: DEFAULT_POLICY, version: 1 };
}

/** A stored policy, or the defaults when the conference has none. */
export const policyOf = (stored: unknown): Policy =>
  stored === null || stored === undefined ? DEFAULT_POLICY : Policy.parse(stored);
