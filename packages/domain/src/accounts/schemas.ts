import { z } from 'zod';
import { Id, Instant, Text } from '../common/schemas.js';
import { Role } from '../roles.js';

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, '只能包含字母、数字、点、下划线和连字符');

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const RefreshInput = z.object({ refreshToken: z.string().min(1).max(200) });
export type RefreshInput = z.infer<typeof RefreshInput>;

export const Me = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: Id.nullable(),
  conferenceId: Id,
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const TokenPair = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  user: Me,
});
export type TokenPair = z.infer<typeof TokenPair>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const CreateUserInput = z
  .object({
    username: Username,
    displayName: Text(1, 64),
    role: Role,
    unitId: Id.optional(),
    password: z.string().min(1).max(256),
  })
  .refine((u) => (u.role === 'unit') === (u.unitId !== undefined), {
    message: '成员单位账号必须且只有它需要指定所属单位',
    path: ['unitId'],
  });
export type CreateUserInput = z.infer<typeof CreateUserInput>;

/** An administrator's new first password for someone else's account. */
export const ResetPasswordInput = z.object({ password: z.string().min(1).max(256) });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const User = Me.omit({ mustChangePassword: true }).extend({
  disabled: z.boolean(),
  createdAt: Instant,
});
export type User = z.infer<typeof User>;

export const LoginLogEntry = z.object({
  id: z.number().int(),
  username: z.string(),
  at: Instant,
  ip: z.string().nullable(),
  success: z.boolean(),
  reason: z.string().nullable(),
});
export type LoginLogEntry = z.infer<typeof LoginLogEntry>;
