import { hashPassword } from '@lianxi/core';
import type { CreatedSubConference } from '@lianxi/domain';
import { expect } from 'vitest';
import type { Caller, TestEnv } from './harness.js';

type Account = [username: string, displayName: string, role: string];

/**
 * Opens the city's conference by hand, as a province would (no route opens a top-level one),
 * with accounts that need no first change of password and, if given, one unit of its own.
 * Answers the conference's id.
 */
export async function openCity(
  env: TestEnv,
  password: string,
  accounts: Account[],
  unit?: { code: string; name: string },
): Promise<string> {
  const hash = await hashPassword(password);
  const [city] = await env.sql<{ id: string }>(
    `WITH c AS (INSERT INTO conferences (jurisdiction_id, name, serial_prefix)
                SELECT id, '某市打击传销联席会议', '市打传交' FROM jurisdictions WHERE code = '360100'
                RETURNING id),
          u AS (INSERT INTO users (conference_id, username, display_name, role, password_hash,
                                   must_change_password)
                SELECT c.id, a.username, a.display_name, a.role::user_role, $1, false
                  FROM c, unnest($2::text[], $3::text[], $4::text[]) AS a(username, display_name, role)),
          n AS (INSERT INTO units (conference_id, code, name)
                SELECT c.id, $5, $6 FROM c WHERE $5::text IS NOT NULL)
     SELECT id FROM c`,
    [
      hash,
      accounts.map((a) => a[0]),
      accounts.map((a) => a[1]),
      accounts.map((a) => a[2]),
      unit?.code ?? null,
      unit?.name ?? null,
    ],
  );
  return city.id;
}

/**
 * Opens the conference below the caller's through the API, with the seeded 16-unit template
 * and first accounts named `<prefix><code>-admin` and `<prefix><code>-office`.
 */
export async function openBelow<T = CreatedSubConference>(
  caller: Caller,
  code: string,
  name: string,
  prefix = '',
): Promise<T> {
  const res = await caller.post('/api/conferences', {
    jurisdiction: { code, name },
    name: `${name}打击传销联席会议`,
    serialPrefix: `${name.slice(0, 2)}打传交`,
    template: true,
    admin: { username: `${prefix}${code}-admin` },
    office: { username: `${prefix}${code}-office` },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as T;
}

/** The one-time password a new conference's first account of `role` was given. */
export const passwordOf = (
  created: { accounts: { role: string; password: string }[] },
  role: string,
): string => created.accounts.find((a) => a.role === role)!.password;
