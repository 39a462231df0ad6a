import { units } from '@lianxi/db';
import type { JobPayload } from '@lianxi/queue';
import { eq } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';

/**
 * Pushes a notice to a unit's 企业微信 or 钉钉 group robot. Both take the same text message
 * and answer `errcode: 0` on success; anything else throws, so that the queue retries with
 * backoff. A unit whose robot was removed since the push was queued is skipped.
 */
export async function deliverWebhook(
  ctx: BaseCtx,
  { unitId, text }: JobPayload<'notifications', 'webhook'>,
): Promise<void> {
  const [unit] = await ctx.db
    .select({ url: units.webhookUrl })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit?.url) return;
  const res = await fetch(unit.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ msgtype: 'text', text: { content: text } }),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  const body = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string };
  if (body.errcode !== undefined && body.errcode !== 0) {
    throw new Error(`webhook refused: ${body.errcode} ${body.errmsg ?? ''}`);
  }
}
