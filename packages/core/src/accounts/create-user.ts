import { units, users } from '@lianxi/db';
import { AppError, type CreateUserInput, passwordProblems, type User } from '@lianxi/domain';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { toUser } from './list-users.js';
import { hashPassword } from './password-hash.js';
import { refusePassword } from './refuse-password.js';

/** An administrator opens an account; its first password must be changed at first use. */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<User> {
  requireRole(ctx, ['admin']);
  refusePassword(passwordProblems(input.password, input.username), 'body.password', '初始密码');
  if (input.unitId) {
    const [unit] = await ctx.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, input.unitId), eq(units.conferenceId, ctx.conferenceId)));
    if (!unit) {
      throw new AppError('invalid_input', '所属单位不存在', {
        errors: [{ field: 'body.unitId', message: '所属单位不存在' }],
      });
    }
  }
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(users)
      .values({
        conferenceId: ctx.conferenceId,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unitId: input.unitId ?? null,
        phone: input.phone ?? null,
        passwordHash,
        mustChangePassword: true,
        createdAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('conflict', `用户名 ${input.username} 已被使用`);
    await appendAudit(tx, {
      action: 'user.created',
      subjectType: 'user',
      subjectId: row.id,
      payload: { username: row.username, role: row.role, unitId: row.unitId, phone: row.phone },
    });
    return toUser(row);
  });
}
