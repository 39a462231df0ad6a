import { conferences } from '@lianxi/db';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/** The conference's own time zone: its days and months are the ones its figures count in. */
export async function conferenceTimeZone(ctx: Ctx): Promise<string> {
  const [row] = await ctx.db
    .select({ timeZone: conferences.timeZone })
    .from(conferences)
    .where(eq(conferences.id, ctx.conferenceId));
  return row.timeZone;
}
