import { AppError, type Attendee } from '@lianxi/domain';
import { units } from '@lianxi/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/** Every unit named among the attendees (or as a resolution's lead) must be of this conference. */
export async function requireOwnUnits(
  ctx: Ctx,
  ids: (string | null | undefined)[],
  field: (i: number) => string,
): Promise<void> {
  const wanted = ids.map((id) => id ?? null);
  const named = [...new Set(wanted.filter((id): id is string => id !== null))];
  if (!named.length) return;
  const found = await ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.conferenceId, ctx.conferenceId), inArray(units.id, named)));
  const known = new Set(found.map((u) => u.id));
  const errors = wanted.flatMap((id, i) =>
    id && !known.has(id) ? [{ field: field(i), message: '单位不存在或不属于本联席会议' }] : [],
  );
  if (errors.length) throw new AppError('rule_violation', '所列单位不属于本联席会议', { errors });
}

export const attendeeUnits = (attendees: Attendee[]) => attendees.map((a) => a.unitId);
