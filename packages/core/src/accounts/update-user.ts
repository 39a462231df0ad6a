import { units, users } from '@lianxi/db';
import { AppError, notFound, type UpdateUserInput, type User } from '@lianxi/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { lockActiveAdmins } from './lock-active-admins.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { endLoginsOf, forgetLoginsOf } from './end-logins.js';
import { toUser } from './list-users.js';

const badUnit = (message: string) =>
  new AppError('invalid_input', message, { errors: [{ field: 'body.unitId', message }] });

/**
 * An administrator corrects an account: its name, phone, role and unit. A `unit` account
 * belongs to one unit of this conference, any other role to none. What a token carries (role,
 * unit) changes only with new logins, so a change of either ends the account's logins. The
 * last active administrator cannot be made anything else.
 */
export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<User> {
  requireRole(ctx, ['admin']);
  const mine = and(eq(users.id, id), eq(users.conferenceId, ctx.conferenceId));
  const [user] = await ctx.db.select().from(users).where(mine);
  if (!user) throw notFound('账号');
  const version = input.version ?? user.version;
  if (version !== user.version) throw stale();

  const role = input.role ?? user.role;
  // leaving the unit role leaves the unit; staying in it keeps the unit unless another is named
  const unitId = input.unitId !== undefined ? input.unitId : role === 'unit' ? user.unitId : null;
  if (role === 'unit' && !unitId) throw badUnit('成员单位账号须指定所属单位');
  if (role !== 'unit' && unitId) throw badUnit('只有成员单位账号可以指定所属单位');
  if (unitId && unitId !== user.unitId) {
    const [unit] = await ctx.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, unitId), eq(units.conferenceId, ctx.conferenceId)));
    if (!unit) throw badUnit('所属单位不存在');
  }
  const displayName = input.displayName ?? user.displayName;
  const phone = input.phone !== undefined ? input.phone : user.phone;
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (displayName !== user.displayName)
    changes.displayName = { from: user.displayName, to: displayName };
  if (phone !== user.phone) changes.phone = { from: user.phone, to: phone };
  if (role !== user.role) changes.role = { from: user.role, to: role };
  if (unitId !== user.unitId) changes.unitId = { from: user.unitId, to: unitId };
  if (!Object.keys(changes).length) return toUser(user);
  const reauthorise = 'role' in changes || 'unitId' in changes;

  const updated = await withTransaction(ctx, async (tx) => {
    if (user.role === 'admin' && role !== 'admin') {
      const admins = await lockActiveAdmins(tx);
      if (!admins.includes(ctx.actor.userId ?? '')) {
        throw new AppError('forbidden', '当前账号已不是系统管理员');
      }
      if (!admins.some((a) => a !== id)) {
        throw new AppError('rule_violation', '至少须保留一名在用的系统管理员');
      }
    }
    const [row] = await tx.db
      .update(users)
      .set({ displayName, phone, role, unitId, version: version + 1 })
      .where(and(mine, eq(users.version, version)))
      .returning();
    if (!row) throw stale();
    if (reauthorise) await endLoginsOf(tx, id, 'role_changed');
    await appendAudit(tx, {
      action: 'user.updated',
      subjectType: 'user',
      subjectId: id,
      payload: { username: row.username, changes },
    });
    return toUser(row);
  });
  if (reauthorise) forgetLoginsOf(ctx, id);
  return updated;
}

const stale = () => new AppError('conflict', '该账号已被他人修改，请刷新后重试');
