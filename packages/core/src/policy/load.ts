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
  if (!row) return { policy: DEFAULT_POLICY, version: 1 };
  return { policy: Policy.parse(row.policy), version: row.version };
}
