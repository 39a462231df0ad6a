import { z } from 'zod';
import { LogDate, oneWayOfPaging, PAGING_MESSAGE } from '../audit/schemas.js';
import { Keyword, listQuery } from '../common/list-query.js';
import { Phone } from '../common/phone.js';
import { Id, Instant, Text, Version } from '../common/schemas.js';
import { Role } from '../roles.js';

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, '只能包含字母、数字、点、下划线和连字符');

export const LoginInput = z.object({
  // Text: the login log keeps what was typed, so no control characters reach it
  username: Text(1, 64),
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
    /** A work contact number: a mainland mobile or a landline with its area code. */
    phone: Phone.optional(),
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
  phone: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: Instant,
  /** For the conditional update of an edit: a stale one answers 409. */
  version: z.number().int().optional(),
});
export type User = z.infer<typeof User>;

export const LoginLogEntry = z.object({
  id: z.number().int(),
  username: z.string(),
  at: Instant,
  ip: z.string().nullable(),
  success: z.boolean(),
  reason: z.string().nullable(),
  userAgent: z.string().nullable().optional(),
});
export type LoginLogEntry = z.infer<typeof LoginLogEntry>;

/** Why a login was refused, as the login log records it. */
export const LOGIN_FAILURE_LABELS: Record<string, string> = {
  wrong_password: '密码错误',
  unknown_user: '用户名不存在',
  locked: '失败次数过多，临时锁定',
};

/**
 * An administrator edits an account: its name, phone, role and unit. A `unit` account belongs
 * to one unit of the conference, any other role to none (leaving the unit role drops the unit).
 * `phone: null` clears the number.
 */
export const UpdateUserInput = z
  .object({
    version: Version.optional(),
    displayName: Text(1, 64).optional(),
    phone: Phone.nullable().optional(),
    role: Role.optional(),
    unitId: Id.nullable().optional(),
  })
  .refine(
    (u) =>
      u.displayName !== undefined ||
      u.phone !== undefined ||
      u.role !== undefined ||
      u.unitId !== undefined,
    { message: '没有要修改的内容', path: ['displayName'] },
  )
  .refine((u) => u.role === undefined || u.role === 'unit' || !u.unitId, {
    message: '只有成员单位账号可以指定所属单位',
    path: ['unitId'],
  });
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const USER_STATUS_LABELS = { active: '正常', disabled: '已停用' } as const;

/** 账号管理's search: a keyword over username, name and phone; unit, role and whether stopped. */
export const UserListQuery = listQuery(
  {
    q: Keyword,
    unitId: Id.optional(),
    role: Role.optional(),
    status: z.enum(['active', 'disabled']).optional(),
  },
  ['username', 'displayName', 'role', 'createdAt'],
);
export type UserListQuery = z.infer<typeof UserListQuery>;

/** The filters of the login log, shared by the list and its export. */
export const LoginLogFilter = z.object({
  /** The name typed at login, exactly (it need not be an account). */
  username: z.string().trim().max(64).optional(),
  result: z.enum(['success', 'failure']).optional(),
  /** One address or a network (`10.1.0.0/16`). */
  ip: z
    .string()
    .trim()
    .max(64)
    .pipe(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: '请填写 IP 地址或网段' }))
    .optional(),
  from: LogDate.optional(),
  to: LogDate.optional(),
});
export type LoginLogFilter = z.infer<typeof LoginLogFilter>;

const inOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const RANGE = { message: '起始日期不能晚于结束日期', path: ['from'] };

export const LoginLogExportQuery = LoginLogFilter.refine(inOrder, RANGE);
export type LoginLogExportQuery = z.infer<typeof LoginLogExportQuery>;

export const LoginLogQuery = LoginLogFilter.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  /** A numbered page (see the operation log's paging). */
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
})
  .refine(inOrder, RANGE)
  .refine(oneWayOfPaging, PAGING_MESSAGE);
export type LoginLogQuery = z.infer<typeof LoginLogQuery>;

export const LoginLogPage = z.object({
  items: z.array(LoginLogEntry),
  nextCursor: z.string().nullable(),
  total: z.number().int().optional(),
});
export type LoginLogPage = z.infer<typeof LoginLogPage>;
