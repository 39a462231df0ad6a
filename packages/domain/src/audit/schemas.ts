import { z } from 'zod';
import { Id, Instant } from '../common/schemas.js';

export const AuditQuery = z.object({
  subjectType: z.string().trim().max(64).optional(),
  subjectId: z.string().trim().max(64).optional(),
  actorId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: Instant,
  actorId: Id.nullable(),
  actorRole: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  payload: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().optional(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
