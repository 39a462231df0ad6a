import { z } from 'zod';
import { Username } from '../accounts/schemas.js';
import { Id, Instant, Text } from '../common/schemas.js';
import { Role } from '../roles.js';
import { UnitCode } from '../units/schemas.js';
import { JurisdictionLevel } from './rules.js';

/** A 行政区划代码: 6 digits (county level and up) or 9 to 12 (townships and below). */
export const JurisdictionCode = z
  .string()
  .trim()
  .regex(/^\d{6}(\d{3}(\d{3})?)?$/, '行政区划代码为 6 位、9 位或 12 位数字');

const FirstAccount = z.object({
  username: Username,
  displayName: Text(1, 64).optional(),
});

export const CreateSubConferenceInput = z
  .object({
    jurisdiction: z.object({ code: JurisdictionCode, name: Text(2, 32) }),
    /** Must be the level directly below the caller's; the caller's own level decides it when left out. */
    level: JurisdictionLevel.optional(),
    name: Text(4, 64),
    /** The office's document prefix, e.g. 打传交 in 打传交〔2026〕12号. */
    serialPrefix: Text(1, 16),
    /** The 16 member units of the seeded template, 区市场监管分局 hosting the office. */
    template: z.boolean().default(false),
    /** The unit hosting the office (打传办); needed unless the template brings one. */
    officeUnit: z
      .object({ code: UnitCode, name: Text(2, 64), shortName: Text(1, 16).optional() })
      .optional(),
    admin: FirstAccount,
    office: FirstAccount,
  })
  .superRefine((v, ctx) => {
    if (!v.template && !v.officeUnit) {
      ctx.addIssue({
        code: 'custom',
        path: ['officeUnit'],
        message: '不使用模板时须填写办公室所在单位',
      });
    }
    if (v.template && v.officeUnit) {
      ctx.addIssue({
        code: 'custom',
        path: ['officeUnit'],
        message: '模板已由区市场监管分局承担办公室，不能另填',
      });
    }
    if (v.admin.username.toLowerCase() === v.office.username.toLowerCase()) {
      ctx.addIssue({
        code: 'custom',
        path: ['office', 'username'],
        message: '两个账号的用户名不能相同',
      });
    }
  });
export type CreateSubConferenceInput = z.infer<typeof CreateSubConferenceInput>;

export const SubConference = z.object({
  id: Id,
  parentId: Id.nullable(),
  /** 1 for the caller's children, 2 for theirs, … */
  depth: z.number().int(),
  name: z.string(),
  serialPrefix: z.string(),
  jurisdiction: z.object({ id: Id, code: z.string(), name: z.string(), level: JurisdictionLevel }),
  units: z.number().int(),
  users: z.number().int(),
  createdAt: Instant,
});
export type SubConference = z.infer<typeof SubConference>;

/** The conferences below the caller's, in tree order: each one right after its parent. */
export const SubConferenceTree = z.object({
  root: z.object({
    id: Id,
    name: z.string(),
    jurisdiction: z.object({ code: z.string(), name: z.string(), level: JurisdictionLevel }),
  }),
  items: z.array(SubConference),
});
export type SubConferenceTree = z.infer<typeof SubConferenceTree>;

export const FirstAccountIssued = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  /** Shown once, here; it must be changed at first login. */
  password: z.string(),
});
export type FirstAccountIssued = z.infer<typeof FirstAccountIssued>;

export const CreatedSubConference = z.object({
  conference: SubConference,
  officeUnitId: Id,
  accounts: z.array(FirstAccountIssued),
});
export type CreatedSubConference = z.infer<typeof CreatedSubConference>;
