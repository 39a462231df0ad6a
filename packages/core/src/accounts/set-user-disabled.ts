import { users } from '@lianxi/db';
import { AppError, notFound, type User } from '@lianxi/domain';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { lockActiveAdmins } from './lock-active-admins.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { endLoginsOf, forgetLoginsOf } from './end-logins.js';
import { toUser } from './list-users.js';

/**
 * An administrator stops an account (停用: someone left the unit) or starts it again. A
 * stopped account cannot log in, its logins end at once and it receives no notices; its
 * history stays. An administrator cannot stop their own account, so one always remains.
 */
export async function setUserDisabled(ctx: Ctx, id: string, disabled: boolean): Promise<User> {
  requireRole(ctx, ['admin']);
  if (disabled && id === ctx.actor.userId) {
    throw new AppError('rule_violation', '不能停用自己的账号');
  }
  const user = await withTransaction(ctx, async (tx) => {
    const mine = and(eq(users.id, id), eq(users.conferenceId, ctx.conferenceId));
    if (disabled) {
      const admins = await lockActiveAdmins(tx);
      if (!admins.includes(ctx.actor.userId ?? '')) {
        throw new AppError('forbidden', '当前账号已停用');
      }
    }
    // only a change of state is written: the condition is the state it changes from
    const [row] = await tx.db
      .update(users)
      .set({ disabledAt: disabled ? ctx.clock.now() : null })
      .where(and(mine, disabled ? isNull(users.disabledAt) : isNotNull(users.disabledAt)))
      .returning();
    if (!row) {
      const [exists] = await tx.db.select({ id: users.id }).from(users).where(mine);
      if (!exists) throw notFound('账号');
      throw new AppError('conflict', disabled ? '该账号已停用' : '该账号未停用');
    }
    if (disabled) await endLoginsOf(tx, id, 'disabled');
    await appendAudit(tx, {
      action: disabled ? 'user.disabled' : 'user.enabled',
      subjectType: 'user',
      subjectId: id,
      payload: { username: row.username },
    });
    return toUser(row);
  });
  if (disabled) forgetLoginsOf(ctx, id);
  return user;
}
