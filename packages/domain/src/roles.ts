import { z } from 'zod';

export const Role = z.enum(['admin', 'office', 'unit', 'supervisor', 'leader']);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  office: '打传办',
  unit: '成员单位',
  supervisor: '督查人员',
  leader: '领导',
};

/** Roles that administer the conference's roster (units, duties). */
export const ROSTER_EDITORS: readonly Role[] = ['office', 'admin'];
/** Roles that may read the operation log (the audit chain). */
export const AUDIT_READERS: readonly Role[] = ['office', 'supervisor', 'admin'];
