import { passwordHistory, users } from '@lianxi/db';
import {
  AppError,
  notFound,
  passwordProblems,
  type ResetPasswordInput,
  type User,
} from '@lianxi/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { endLoginsOf, forgetLoginsOf } from './end-logins.js';
import { toUser } from './list-users.js';
import { hashPassword } from './password-hash.js';
import { refusePassword } from './refuse-password.js';

/**
 * An administrator sets a new password for someone who forgot theirs: it is a first
 * password again, to be changed at its first use, and every login of the account ends.
 * Their own password they change themselves, knowing the current one.
 */
export async function resetPassword(
  ctx: Ctx,
  id: string,
  input: ResetPasswordInput,
): Promise<User> {
  requireRole(ctx, ['admin']);
  if (id === ctx.actor.userId) {
    throw new AppError('rule_violation', '请在个人设置中修改自己的密码');
  }
  const mine = and(eq(users.id, id), eq(users.conferenceId, ctx.conferenceId));
  const [user] = await ctx.db.select().from(users).where(mine);
  if (!user) throw notFound('账号');
  refusePassword(passwordProblems(input.password, user.username), 'body.password', '新密码');
  const passwordHash = await hashPassword(input.password);
  const reset = await withTransaction(ctx, async (tx) => {
    // the version read above: a password changed meanwhile is not overwritten unseen
    const [row] = await tx.db
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: ctx.clock.now(),
        mustChangePassword: true,
        version: user.version + 1,
      })
      .where(and(mine, eq(users.version, user.version)))
      .returning();
    if (!row) throw new AppError('conflict', '该账号刚被修改，请重试');
    await tx.db.insert(passwordHistory).values({ userId: id, passwordHash: user.passwordHash });
    await endLoginsOf(tx, id, 'password_reset');
    await appendAudit(tx, {
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: id,
      payload: { username: row.username },
    });
    return toUser(row);
  });
  forgetLoginsOf(ctx, id);
  return reset;
}
