import { DEMO_PASSWORD } from '@lianxi/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../../../test/support/harness.js';
import { craftToken, decodeClaims } from '../../../test/support/jwt.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const login = (username: string, password: string, ip = '127.0.0.1') =>
  env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });
const withToken = (token: string, url = '/api/me') =>
  env.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe('login', () => {
  it('answers a token pair and the user for the demo office account', async () => {
    const res = await login('office', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.expiresIn).toBe(900);
    expect(body.user).toMatchObject({ username: 'office', role: 'office', unitId: null });
    expect(body.refreshToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const claims = decodeClaims(body.accessToken);
    expect(claims.iss).toBe('lianxi');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
    const me = await withToken(body.accessToken);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'office', displayName: '打传办值班员' });
  });

  it('gives a unit user its unit', async () => {
    const res = await login('unit-ga', DEMO_PASSWORD);
    expect(res.json().user).toMatchObject({ role: 'unit', unitId: await env.unitId('ga') });
  });

  it('answers one identical 401 for an unknown user and a wrong password', async () => {
    const unknown = await login('no-such-user', 'Whatever@2026');
    const wrong = await login('leader', 'Wrong@password1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
    expect(unknown.json().detail).toBe('用户名或密码错误');
  });

  it('locks a user name with 429 after five failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await login('supervisor', `Wrong@pass${i}x`)).statusCode).toBe(401);
    }
    const locked = await login('supervisor', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json().type).toBe('/problems/rate-limited');
    // the lock lapses with time
    env.clock.advance(16 * 60_000);
    expect((await login('supervisor', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('records every attempt in the login log that the office can read', async () => {
    const office = await env.as('office');
    const res = await office.get('/api/login-log?username=leader');
    expect(res.statusCode).toBe(200);
    const attempts = res.json().items;
    expect(attempts.some((a: { success: boolean }) => !a.success)).toBe(true);
    expect((await (await env.as('unit-jy')).get('/api/login-log')).statusCode).toBe(403);
  });

  it('rejects malformed bodies with 400 naming the fields', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 3 },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });
});

describe('the per-address login limit', () => {
  let limited: TestEnv;
  beforeAll(async () => {
    limited = await createTestEnv({ loginRateLimit: 3 });
  });
  afterAll(() => limited.close());

  it('answers 429 once an address exceeds its attempts per minute', async () => {
    const attempt = () =>
      limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `someone-${Math.random()}`, password: 'x' },
        remoteAddress: '10.9.8.7',
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const res = await attempt();
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('refresh tokens', () => {
  it('rotate: the new pair works and the old refresh token is spent', async () => {
    const first = (await login('leader', DEMO_PASSWORD)).json();
    const rotated = await env.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(rotated.statusCode).toBe(200);
    const second = rotated.json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await withToken(second.accessToken)).statusCode).toBe(200);
  });

  it('presenting a spent one revokes every token of that login', async () => {
    const first = (await login('leader', DEMO_PASSWORD)).json();
    const refresh = (token: string) =>
      env.app.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refreshToken: token },
      });
    const second = (await refresh(first.refreshToken)).json();

    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    // the legitimate holder's newer tokens die with the family
    expect((await refresh(second.refreshToken)).statusCode).toBe(401);
    expect((await withToken(second.accessToken)).statusCode).toBe(401);
    expect((await withToken(first.accessToken)).statusCode).toBe(401);
    // another login of the same user is untouched
    const other = (await login('leader', DEMO_PASSWORD)).json();
    expect((await withToken(other.accessToken)).statusCode).toBe(200);
  });

  it('logout ends the login: its access and refresh tokens stop working', async () => {
    const pair = (await login('admin', DEMO_PASSWORD)).json();
    // used first, so the process remembers the login before it ends
    expect((await withToken(pair.accessToken)).statusCode).toBe(200);
    const out = await env.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      payload: { refreshToken: pair.refreshToken },
    });
    expect(out.statusCode).toBe(204);
    expect((await withToken(pair.accessToken)).statusCode).toBe(401);
    const again = await env.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: pair.refreshToken },
    });
    expect(again.statusCode).toBe(401);
  });

  it('expire after the idle window', async () => {
    const pair = (await login('admin', DEMO_PASSWORD)).json();
    env.clock.advance(31 * 60_000);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: pair.refreshToken },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('remembered logins', () => {
  /** How long until the token is refused, polling every 20 ms for up to 2 s. */
  async function refusedWithin(token: string): Promise<number> {
    const t0 = Date.now();
    while (Date.now() - t0 < 2000) {
      if ((await withToken(token)).statusCode === 401) return Date.now() - t0;
      await new Promise((r) => setTimeout(r, 20));
    }
    return Infinity;
  }

  it('a login ended by another process is refused within moments, not when memory lapses', async () => {
    const pair = (await login('supervisor', DEMO_PASSWORD)).json();
    expect((await withToken(pair.accessToken)).statusCode).toBe(200);
    expect((await withToken(pair.accessToken)).statusCode).toBe(200);
    // what another API process's logout commits
    await env.sql('UPDATE sessions SET revoked_at = now() WHERE id = $1', [
      decodeClaims(pair.accessToken).sid,
    ]);
    expect(await refusedWithin(pair.accessToken)).toBeLessThan(1000);
  });

  it('a user disabled elsewhere loses every login within moments', async () => {
    const first = (await login('unit-mz', DEMO_PASSWORD)).json();
    const second = (await login('unit-mz', DEMO_PASSWORD)).json();
    for (const p of [first, second]) expect((await withToken(p.accessToken)).statusCode).toBe(200);
    await env.sql(`UPDATE users SET disabled_at = now() WHERE username = 'unit-mz'`);
    try {
      expect(await refusedWithin(first.accessToken)).toBeLessThan(1000);
      expect(await refusedWithin(second.accessToken)).toBeLessThan(1000);
    } finally {
      await env.sql(`UPDATE users SET disabled_at = NULL WHERE username = 'unit-mz'`);
    }
  });
});

describe('access tokens', () => {
  let good: string;
  let claims: Record<string, unknown>;
  beforeAll(async () => {
    good = (await login('office', DEMO_PASSWORD)).json().accessToken;
    claims = decodeClaims(good);
  });
  const now = () => Math.floor(Date.now() / 1000);

  it('a well-formed token signed with the secret is accepted (the control case)', async () => {
    const token = craftToken(
      { alg: 'HS256', typ: 'JWT' },
      { ...claims, iat: now(), exp: now() + 60 },
      TEST_JWT_SECRET,
    );
    expect((await withToken(token)).statusCode).toBe(200);
  });

  it.each([
    [
      'expired',
      () =>
        craftToken(
          { alg: 'HS256', typ: 'JWT' },
          { ...claims, iat: now() - 2000, exp: now() - 1000 },
          TEST_JWT_SECRET,
        ),
    ],
    [
      'tampered',
      () => {
        const [h, , s] = good.split('.');
        const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString(
          'base64url',
        );
        return `${h}.${forged}.${s}`;
      },
    ],
    ['alg none', () => craftToken({ alg: 'none', typ: 'JWT' }, { ...claims, exp: now() + 60 })],
    [
      'wrong issuer',
      () =>
        craftToken(
          { alg: 'HS256', typ: 'JWT' },
          { ...claims, iss: 'evil', exp: now() + 60 },
          TEST_JWT_SECRET,
        ),
    ],
    [
      'wrong key',
      () =>
        craftToken(
          { alg: 'HS256', typ: 'JWT' },
          { ...claims, exp: now() + 60 },
          'another-secret-another-secret-another-secret',
        ),
    ],
    ['garbage', () => 'not.a.token'],
  ])('%s → 401 problem+json', async (_name, make) => {
    const res = await withToken(make());
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('no token → 401', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/units' });
    expect(res.statusCode).toBe(401);
  });
});

describe('changing a password', () => {
  it('enforces the policy and the history, then the new password works', async () => {
    const jy = await env.as('unit-jy');
    const weak = await jy.post('/api/me/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('body.newPassword');
    const same = await jy.post('/api/me/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: DEMO_PASSWORD,
    });
    expect(same.statusCode).toBe(400);
    const wrongCurrent = await jy.post('/api/me/password', {
      currentPassword: 'Nope@nope123',
      newPassword: 'Fresh#Pass2027',
    });
    expect(wrongCurrent.statusCode).toBe(400);

    const ok = await jy.post('/api/me/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Fresh#Pass2027',
    });
    expect(ok.statusCode).toBe(204);
    expect((await login('unit-jy', DEMO_PASSWORD)).statusCode).toBe(401);
    const fresh = await login('unit-jy', 'Fresh#Pass2027');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().user.mustChangePassword).toBe(false);
  });
});

describe('account administration', () => {
  const NEW_PASSWORD = 'Temp#Reset2027';
  let admin: Awaited<ReturnType<TestEnv['as']>>;
  let userId: string;
  beforeAll(async () => {
    admin = await env.as('admin');
    const created = await admin.post('/api/users', {
      username: 'jy-clerk',
      displayName: '教育局联络员',
      role: 'unit',
      unitId: await env.unitId('jy'),
      password: 'First#Pass2026',
    });
    expect(created.statusCode, created.body).toBe(201);
    userId = created.json().id;
  });
  const auditOf = (action: string) =>
    env.sql('SELECT 1 FROM audit_log WHERE action = $1 AND subject_id = $2', [action, userId]);

  it('an administrator stops an account: its logins end, it cannot log in, then starts it again', async () => {
    const pair = (await login('jy-clerk', 'First#Pass2026')).json();
    expect((await withToken(pair.accessToken)).statusCode).toBe(200);

    const office = await env.as('office');
    expect((await office.post(`/api/users/${userId}/disable`)).statusCode).toBe(403);
    const stopped = await admin.post(`/api/users/${userId}/disable`);
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json()).toMatchObject({ id: userId, disabled: true });
    expect((await withToken(pair.accessToken)).statusCode).toBe(401);
    expect((await login('jy-clerk', 'First#Pass2026')).statusCode).toBe(401);
    const again = await admin.post(`/api/users/${userId}/disable`);
    expect([again.statusCode, again.json().detail]).toEqual([409, '该账号已停用']);
    expect(await auditOf('user.disabled')).toHaveLength(1);
    const listed = (await admin.get('/api/users')).json().items;
    expect(listed.find((u: { id: string }) => u.id === userId).disabled).toBe(true);

    const started = await admin.post(`/api/users/${userId}/enable`);
    expect(started.json()).toMatchObject({ disabled: false });
    expect((await login('jy-clerk', 'First#Pass2026')).statusCode).toBe(200);
    expect((await admin.post(`/api/users/${userId}/enable`)).statusCode).toBe(409);
    expect(await auditOf('user.enabled')).toHaveLength(1);
  });

  it('refuses to stop the caller itself or an account of no one', async () => {
    const me = (await admin.get('/api/me')).json();
    const self = await admin.post(`/api/users/${me.id}/disable`);
    expect([self.statusCode, self.json().detail]).toEqual([422, '不能停用自己的账号']);
    expect((await admin.get('/api/me')).statusCode).toBe(200);
    const nobody = await admin.post('/api/users/00000000-0000-4000-8000-000000000000/disable');
    expect(nobody.statusCode).toBe(404);
    expect((await admin.post('/api/users/not-an-id/disable')).statusCode).toBe(400);
  });

  it('two administrators stopping each other at once: one is stopped, one remains', async () => {
    const created = await admin.post('/api/users', {
      username: 'admin-2',
      displayName: '第二管理员',
      role: 'admin',
      password: 'Second#Admin26',
    });
    expect(created.statusCode, created.body).toBe(201);
    const second = await env.as('admin-2', 'Second#Admin26');
    const first = (await admin.get('/api/me')).json();
    const answers = await Promise.all([
      admin.post(`/api/users/${created.json().id}/disable`),
      second.post(`/api/users/${first.id}/disable`),
    ]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes[0]).toBe(200);
    // the other was refused under the lock, or its login had already ended
    expect([401, 403]).toContain(codes[1]);
    const active = await env.sql(
      "SELECT username FROM users WHERE role = 'admin' AND disabled_at IS NULL",
    );
    expect(active).toHaveLength(1);
    // whichever remains starts the other again
    const survivor = active[0].username === 'admin' ? admin : second;
    const stopped = active[0].username === 'admin' ? created.json().id : first.id;
    expect((await survivor.post(`/api/users/${stopped}/enable`)).statusCode).toBe(200);
    admin = await env.as('admin', undefined, true); // its login may have ended with it
  });

  it('a reset password is a first password again, and every login of the account ends', async () => {
    const pair = (await login('jy-clerk', 'First#Pass2026')).json();
    const weak = await admin.post(`/api/users/${userId}/password`, { password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('body.password');
    expect((await login('jy-clerk', 'First#Pass2026')).statusCode).toBe(200);

    const reset = await admin.post(`/api/users/${userId}/password`, { password: NEW_PASSWORD });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await withToken(pair.accessToken)).statusCode).toBe(401);
    expect((await login('jy-clerk', 'First#Pass2026')).statusCode).toBe(401);
    const fresh = await login('jy-clerk', NEW_PASSWORD);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().user.mustChangePassword).toBe(true);
    expect(await auditOf('user.password_reset')).toHaveLength(1);
    const [row] = await env.sql<{ payload: Record<string, unknown> }>(
      "SELECT payload FROM audit_log WHERE action = 'user.password_reset' AND subject_id = $1",
      [userId],
    );
    expect(JSON.stringify(row.payload)).not.toContain(NEW_PASSWORD);

    const me = (await admin.get('/api/me')).json();
    const own = await admin.post(`/api/users/${me.id}/password`, { password: NEW_PASSWORD });
    expect(own.statusCode).toBe(422);
    const office = await env.as('office');
    expect(
      (await office.post(`/api/users/${userId}/password`, { password: NEW_PASSWORD })).statusCode,
    ).toBe(403);
  });
});
