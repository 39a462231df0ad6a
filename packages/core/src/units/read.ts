import { duties, units } from '@lianxi/db';
import { notFound, type UnitDetail } from '@lianxi/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/** Fetch-or-throw within the caller's conference: a unit elsewhere does not exist for them. */
export async function findUnit(ctx: Ctx, id: string) {
  const [unit] = await ctx.db
    .select()
    .from(units)
    .where(and(eq(units.id, id), eq(units.conferenceId, ctx.conferenceId)));
  if (!unit) throw notFound('成员单位');
  return unit;
}

export async function getUnit(ctx: Ctx, id: string): Promise<UnitDetail> {
  const unit = await findUnit(ctx, id);
  const rows = await ctx.db
    .select({ id: duties.id, area: duties.area, text: duties.text })
    .from(duties)
    .where(eq(duties.unitId, id))
    .orderBy(asc(duties.sort), asc(duties.createdAt));
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    role: unit.role,
    kind: unit.kind,
    shortName: unit.shortName,
    webhookUrl: unit.webhookUrl,
    version: unit.version,
    duties: rows,
  };
}

export async function listUnits(ctx: Ctx) {
  const items = await ctx.db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      role: units.role,
      kind: units.kind,
    })
    .from(units)
    .where(eq(units.conferenceId, ctx.conferenceId))
    .orderBy(asc(units.sort), asc(units.code));
  return { items };
}
