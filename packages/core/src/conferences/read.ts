import { conferences, type Db, jurisdictions, units, users } from '@lianxi/db';
import { notFound, type SubConference } from '@lianxi/domain';
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/** The caller's own conference with its jurisdiction. */
export async function ownConference(ctx: Ctx) {
  const [row] = await ctx.db
    .select({
      id: conferences.id,
      name: conferences.name,
      timeZone: conferences.timeZone,
      jurisdiction: {
        id: jurisdictions.id,
        code: jurisdictions.code,
        name: jurisdictions.name,
        level: jurisdictions.level,
      },
    })
    .from(conferences)
    .innerJoin(jurisdictions, eq(jurisdictions.id, conferences.jurisdictionId))
    .where(eq(conferences.id, ctx.conferenceId));
  if (!row) throw notFound('联席会议');
  return row;
}

interface TreeRow extends Record<string, unknown> {
  id: string;
  parent_id: string | null;
  depth: number;
  name: string;
  serial_prefix: string;
  created_at: Date | string;
  j_id: string;
  j_code: string;
  j_name: string;
  j_level: SubConference['jurisdiction']['level'];
  units: number;
  users: number;
}

/**
 * The conferences below `rootId`, each right after its parent (siblings by jurisdiction code),
 * or only `onlyId` among them. The walk starts at the root, so nothing beside or above it
 * is ever read.
 */
export async function conferencesBelow(
  db: Db,
  rootId: string,
  onlyId?: string,
): Promise<SubConference[]> {
  const result = await db.execute<TreeRow>(sql`
    WITH RECURSIVE tree AS (
      SELECT c.id, c.parent_id, 1 AS depth, ARRAY[j.code] AS path
        FROM ${conferences} c JOIN ${jurisdictions} j ON j.id = c.jurisdiction_id
       WHERE c.parent_id = ${rootId}
      UNION ALL
      SELECT c.id, c.parent_id, t.depth + 1, t.path || j.code
        FROM ${conferences} c
        JOIN tree t ON c.parent_id = t.id
        JOIN ${jurisdictions} j ON j.id = c.jurisdiction_id
       WHERE t.depth < 8
    )
    SELECT t.id, t.parent_id, t.depth, c.name, c.serial_prefix, c.created_at,
           j.id AS j_id, j.code AS j_code, j.name AS j_name, j.level AS j_level,
           (SELECT count(*) FROM ${units} u WHERE u.conference_id = t.id)::int AS units,
           (SELECT count(*) FROM ${users} s WHERE s.conference_id = t.id)::int AS users
      FROM tree t
      JOIN ${conferences} c ON c.id = t.id
      JOIN ${jurisdictions} j ON j.id = c.jurisdiction_id
     WHERE ${onlyId ?? null}::uuid IS NULL OR t.id = ${onlyId ?? null}::uuid
     ORDER BY t.path`);
  return result.rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    depth: r.depth,
    name: r.name,
    serialPrefix: r.serial_prefix,
    jurisdiction: { id: r.j_id, code: r.j_code, name: r.j_name, level: r.j_level },
    units: r.units,
    users: r.users,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
