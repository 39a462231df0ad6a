import { passwordHistory, users } from '@lianxi/db';
import {
  AppError,
  type ChangePasswordInput,
  PASSWORD_HISTORY_DEPTH,
  passwordProblems,
} from '@lianxi/domain';
import { desc, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import type { Ctx } from '../context.js';
import { withTransaction } from '../transaction.js';
import { endLoginsOf, forgetLoginsOf } from './end-logins.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { refusePassword } from './refuse-password.js';

/**
 * A user replaces their own password: the current one must be right, the new one must meet
 * the policy and differ from the last few, and every other login of the user is ended.
 */
export async function changePassword(ctx: Ctx, input: ChangePasswordInput): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('forbidden', '只有登录用户可以修改自己的密码');
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('invalid_input', '当前密码不正确', {
      errors: [{ field: 'body.currentPassword', message: '当前密码不正确' }],
    });
  }
  const problems = passwordProblems(input.newPassword, user.username);
  const recent = await ctx.db
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt))
    .limit(PASSWORD_HISTORY_DEPTH - 1);
  for (const old of [user.passwordHash, ...recent.map((r) => r.hash)]) {
    if (await verifyPassword(old, input.newPassword)) {
      problems.push(`不能与最近 ${PASSWORD_HISTORY_DEPTH} 次使用过的密码相同`);
      break;
    }
  }
  refusePassword(problems, 'body.newPassword', '新密码');
  const now = ctx.clock.now();
  const newHash = await hashPassword(input.newPassword);
  await withTransaction(ctx, async (tx) => {
    await tx.db.insert(passwordHistory).values({ userId, passwordHash: user.passwordHash });
    await tx.db
      .update(users)
      .set({
        passwordHash: newHash,
        passwordChangedAt: now,
        mustChangePassword: false,
        version: user.version + 1,
      })
      .where(eq(users.id, userId));
    await endLoginsOf(tx, userId, 'password_changed', ctx.actor.sessionId);
    await appendAudit(tx, {
      action: 'user.password_changed',
      subjectType: 'user',
      subjectId: userId,
    });
  });
  forgetLoginsOf(ctx, userId);
}
