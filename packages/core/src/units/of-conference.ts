import type { Role } from '@lianxi/domain';
import { units, users } from '@lianxi/db';
import { sql, type SQLWrapper } from 'drizzle-orm';
import { memoInTransaction, rememberInTransaction } from '../common/tx-memo.js';
import type { Ctx } from '../context.js';

type Units = Map<string, { hooked: boolean }>;
export interface ActiveUser {
  id: string;
  role: Role;
  unitId: string | null;
}

const unitsKey = (ctx: Ctx) => `units:${ctx.conferenceId}`;
const usersKey = (ctx: Ctx) => `users:${ctx.conferenceId}`;

/**
 * The conference's units, each with whether a robot webhook is set, read once per
 * transaction: a work order checks its assignments against them and its notices look up
 * the robots in the same list.
 */
export const conferenceUnits = (ctx: Ctx): Promise<Units> =>
  memoInTransaction(ctx, unitsKey(ctx), async () =>
    unitsOf((await readDirectory(ctx, 'directoryUnits')).directoryUnits),
  );

/** The conference's active users, read once per transaction however many notices it sends. */
export const activeUsers = (ctx: Ctx): Promise<ActiveUser[]> =>
  memoInTransaction(
    ctx,
    usersKey(ctx),
    async () => (await readDirectory(ctx, 'directoryUsers')).directoryUsers,
  );

const unitsOf = (rows: DirectoryRow['directoryUnits']): Units =>
  new Map(rows.map((u) => [u.id, { hooked: u.hooked }]));

/** One of the lists on its own, as `directoryColumns` reads it. */
async function readDirectory<K extends keyof DirectoryRow>(ctx: Ctx, key: K) {
  const column = directoryColumns(ctx.conferenceId)[key];
  const { rows } = await ctx.db.execute<Pick<DirectoryRow, K>>(
    sql`SELECT ${column} AS ${sql.identifier(key)}`,
  );
  return rows[0];
}

export interface DirectoryRow {
  directoryUnits: { id: string; hooked: boolean }[];
  directoryUsers: ActiveUser[];
}

/**
 * The same two lists as JSON columns of a statement that reads the conference anyway, so
 * issuing a work order reads what it checks and whom it tells without two more round trips.
 */
export function directoryColumns(conferenceId: SQLWrapper | string) {
  return {
    directoryUnits: sql<DirectoryRow['directoryUnits']>`(SELECT coalesce(json_agg(json_build_object(
        'id', u.id, 'hooked', u.webhook_url IS NOT NULL)), '[]')
        FROM ${units} u WHERE u.conference_id = ${conferenceId})`,
    directoryUsers: sql<DirectoryRow['directoryUsers']>`(SELECT coalesce(json_agg(json_build_object(
        'id', p.id, 'role', p.role, 'unitId', p.unit_id)), '[]')
        FROM ${users} p WHERE p.conference_id = ${conferenceId} AND p.disabled_at IS NULL)`,
  };
}

/** Remembers what `directoryColumns` read for the rest of the transaction. */
export function rememberDirectory(ctx: Ctx, row: DirectoryRow): void {
  rememberInTransaction(ctx, unitsKey(ctx), unitsOf(row.directoryUnits));
  rememberInTransaction(ctx, usersKey(ctx), row.directoryUsers);
}
