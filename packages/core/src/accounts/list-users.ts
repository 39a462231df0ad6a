import { users } from '@lianxi/db';
import type { User } from '@lianxi/domain';
import { asc, eq } from 'drizzle-orm';
import { type Ctx, requireRole } from '../context.js';

export const toUser = (u: typeof users.$inferSelect): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  unitId: u.unitId,
  conferenceId: u.conferenceId,
  disabled: u.disabledAt !== null,
  createdAt: u.createdAt.toISOString(),
  version: u.version,
});

export async function listUsers(ctx: Ctx): Promise<{ items: User[] }> {
  requireRole(ctx, ['admin']);
  const rows = await ctx.db
    .select()
    .from(users)
    .where(eq(users.conferenceId, ctx.conferenceId))
    .orderBy(asc(users.username));
  return { items: rows.map(toUser) };
}
