import { z } from 'zod';
import { Id, Text, Version } from '../common/schemas.js';

export const UnitRole = z.enum(['office', 'lead', 'member']);
export type UnitRole = z.infer<typeof UnitRole>;
export const UnitKind = z.enum(['department', 'grassroots']);
export type UnitKind = z.infer<typeof UnitKind>;
/** 打 · 防 · 管 · 控 · 教 */
export const DutyArea = z.enum(['strike', 'prevent', 'manage', 'control', 'educate']);
export type DutyArea = z.infer<typeof DutyArea>;

export const DUTY_AREA_LABELS: Record<DutyArea, string> = {
  strike: '打',
  prevent: '防',
  manage: '管',
  control: '控',
  educate: '教',
};

export const UnitCode = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[a-z][a-z0-9-]*$/, '只能包含小写字母、数字和连字符，且以字母开头');

export const Duty = z.object({ id: Id, area: DutyArea, text: z.string() });
export type Duty = z.infer<typeof Duty>;

export const Unit = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  role: UnitRole,
  kind: UnitKind,
});
export type Unit = z.infer<typeof Unit>;

export const UnitDetail = Unit.extend({
  shortName: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  version: z.number().int(),
  duties: z.array(Duty),
});
export type UnitDetail = z.infer<typeof UnitDetail>;

const WebhookUrl = z.url({ protocol: /^https?$/ }).max(500);

export const CreateUnitInput = z.object({
  code: UnitCode,
  name: Text(2, 64),
  shortName: Text(1, 16).optional(),
  role: UnitRole.default('member'),
  kind: UnitKind.default('department'),
  webhookUrl: WebhookUrl.optional(),
});
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;

export const UpdateUnitInput = z.object({
  version: Version,
  name: Text(2, 64).optional(),
  shortName: Text(1, 16).nullable().optional(),
  role: UnitRole.optional(),
  kind: UnitKind.optional(),
  webhookUrl: WebhookUrl.nullable().optional(),
});
export type UpdateUnitInput = z.infer<typeof UpdateUnitInput>;

export const CreateDutyInput = z.object({ area: DutyArea, text: Text(2, 500) });
export type CreateDutyInput = z.infer<typeof CreateDutyInput>;
