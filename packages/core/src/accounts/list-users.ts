import { users } from '@lianxi/db';
import type { User, UserListQuery } from '@lianxi/domain';
import { eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { fromTable, keywordIn, listPage } from '../common/list.js';
import { type Ctx, requireRole } from '../context.js';

export const toUser = (u: typeof users.$inferSelect): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  phone: u.phone,
  role: u.role,
  unitId: u.unitId,
  conferenceId: u.conferenceId,
  disabled: u.disabledAt !== null,
  createdAt: u.createdAt.toISOString(),
  version: u.version,
});

/** 账号管理: the conference's accounts, searched by username, name or phone. */
export async function listUsers(ctx: Ctx, query: UserListQuery) {
  requireRole(ctx, ['admin']);
  const where: SQL[] = [eq(users.conferenceId, ctx.conferenceId)];
  if (query.q) where.push(keywordIn(query.q, [users.username, users.displayName, users.phone]));
  if (query.unitId) where.push(eq(users.unitId, query.unitId));
  if (query.role) where.push(eq(users.role, query.role));
  if (query.status)
    where.push(
      query.status === 'disabled' ? isNotNull(users.disabledAt) : isNull(users.disabledAt),
    );
  return listPage(query, where, {
    ...fromTable(ctx.db, users),
    time: users.createdAt,
    id: users.id,
    key: (u) => [u.createdAt, u.id],
    sorts: {
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      createdAt: users.createdAt,
    },
    view: toUser,
  });
}
