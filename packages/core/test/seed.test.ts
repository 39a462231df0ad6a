import { seedDemo, systemClock } from '@lianxi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('the demo seed', () => {
  it('is idempotent: a second run finds the conference and writes nothing', async () => {
    const before = await env.sql(
      'SELECT (SELECT count(*) FROM units) u, (SELECT count(*) FROM users) p, (SELECT count(*) FROM calendar_days) d',
    );
    const result = await seedDemo(env.database.db, systemClock);
    expect(result.seeded).toBe(false);
    const after = await env.sql(
      'SELECT (SELECT count(*) FROM units) u, (SELECT count(*) FROM users) p, (SELECT count(*) FROM calendar_days) d',
    );
    expect(after).toEqual(before);
  });

  it('opens 4 staff accounts and one per unit, all with argon2id hashes and a forced change', async () => {
    const rows = await env.sql<{
      username: string;
      password_hash: string;
      must_change_password: boolean;
      code: string | null;
    }>(
      'SELECT u.username, u.password_hash, u.must_change_password, n.code FROM users u LEFT JOIN units n ON n.id = u.unit_id',
    );
    expect(rows).toHaveLength(20);
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^\$argon2id\$/);
      expect(r.must_change_password).toBe(true);
      if (r.code) expect(r.username).toBe(`unit-${r.code}`);
    }
  });

  it('holds the official 2026 schedule: Spring Festival off, its make-up Saturdays on', async () => {
    const days = await env.sql<{ date: string; workday: boolean; name: string }>(
      "SELECT date, workday, name FROM calendar_days WHERE date IN ('2026-02-14','2026-02-16','2026-02-23','2026-02-28','2026-10-01') ORDER BY date",
    );
    expect(days).toEqual([
      { date: '2026-02-14', workday: true, name: '春节调休上班' },
      { date: '2026-02-16', workday: false, name: '春节' },
      { date: '2026-02-23', workday: false, name: '春节' },
      { date: '2026-02-28', workday: true, name: '春节调休上班' },
      { date: '2026-10-01', workday: false, name: '国庆节' },
    ]);
    const [{ years }] = await env.sql<{ years: number }>(
      'SELECT count(*)::int AS years FROM calendar_years',
    );
    expect(years).toBe(2026 - 2004 + 1);
  });
});
