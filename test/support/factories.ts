import { randomUUID } from 'node:crypto';
import type { Role } from '@lianxi/domain';
import type { TestEnv } from './harness.js';

const short = () => randomUUID().replaceAll('-', '').slice(0, 8);

/** A new member unit, made the way the office makes one. */
export async function makeUnit(env: TestEnv, overrides: Record<string, unknown> = {}) {
  const office = await env.as('office');
  const suffix = short();
  const res = await office.post('/api/units', {
    code: `u-${suffix}`,
    name: `测试单位${suffix}`,
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`makeUnit: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; code: string; name: string; version: number };
}

export const FACTORY_PASSWORD = 'Factory#Pass2026';

/** A new account opened by the admin, returned with a caller already logged in as it. */
export async function makeUser(env: TestEnv, role: Role, unitId?: string) {
  const admin = await env.as('admin');
  const username = `${role}-${short()}`;
  const res = await admin.post('/api/users', {
    username,
    displayName: `测试${role}`,
    role,
    ...(unitId ? { unitId } : {}),
    password: FACTORY_PASSWORD,
  });
  if (res.statusCode !== 201) throw new Error(`makeUser: ${res.statusCode} ${res.body}`);
  return {
    user: res.json() as { id: string; username: string },
    caller: await env.as(username, FACTORY_PASSWORD),
  };
}
