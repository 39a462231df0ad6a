import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUnit, makeUser } from '../../../test/support/factories.js';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
let office: Caller;
beforeAll(async () => {
  env = await createTestEnv();
  office = await env.as('office');
});
afterAll(() => env.close());

const CODES = [
  'scjg',
  'ga',
  'zfw',
  'jw',
  'jcy',
  'fy',
  'xcb',
  'wgx',
  'jy',
  'sf',
  'mz',
  'cz',
  'fgw',
  'jxj',
  'zjj',
  'fzb',
];

const counts = async () => {
  const [row] = await env.sql<{ units: number; duties: number; audit: number }>(
    'SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM duties)::int AS duties, (SELECT count(*) FROM audit_log)::int AS audit',
  );
  return row;
};

describe('the seeded conference', () => {
  it('lists exactly the 16 member units with the codes of the API, each with a duty', async () => {
    const res = await (await env.as('unit-mz')).get('/api/units');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      id: string;
      code: string;
      name: string;
      role: string;
      kind: string;
    }[];
    expect(items.map((u) => u.code).sort()).toEqual([...CODES].sort());
    expect(items.find((u) => u.code === 'ga')).toMatchObject({
      name: '区公安分局',
      role: 'lead',
      kind: 'department',
    });
    for (const unit of items) {
      const detail = await office.get(`/api/units/${unit.id}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json().duties.length).toBeGreaterThan(0);
    }
  });
});

describe('editing the roster', () => {
  it('office creates a unit, adds a duty, and both are audited', async () => {
    const before = await counts();
    const res = await office.post('/api/units', {
      code: 'xz-hx',
      name: '红星街道办事处',
      kind: 'grassroots',
    });
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({
      code: 'xz-hx',
      role: 'member',
      kind: 'grassroots',
      version: 1,
      duties: [],
    });
    const duty = await office.post(`/api/units/${unit.id}/duties`, {
      area: 'prevent',
      text: '开展社区传销排查',
    });
    expect(duty.statusCode).toBe(201);
    expect((await office.get(`/api/units/${unit.id}`)).json().duties).toHaveLength(1);
    const after = await counts();
    expect(after.units).toBe(before.units + 1);
    expect(after.audit).toBe(before.audit + 2);
    const log = await office.get(`/api/audit?subjectType=unit&subjectId=${unit.id}`);
    expect(log.json().items.map((e: { action: string }) => e.action)).toEqual([
      'duty.added',
      'unit.created',
    ]);
  });

  it('a unit user creating a unit gets 403 and nothing is written', async () => {
    const before = await counts();
    const res = await (
      await env.as('unit-ga')
    ).post('/api/units', {
      code: 'rogue',
      name: '不该存在的单位',
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await counts()).toEqual(before);
  });

  it.each([['supervisor'], ['leader']])('%s cannot edit the roster either', async (who) => {
    const res = await (
      await env.as(who)
    ).post('/api/units', {
      code: 'nope',
      name: '不该存在的单位',
    });
    expect(res.statusCode).toBe(403);
  });

  it('invalid bodies get 400 problem+json naming each bad field, and nothing is written', async () => {
    const before = await counts();
    const res = await office.post('/api/units', {
      code: 'Bad Code!',
      name: '',
      role: 'boss',
      webhookUrl: 'ftp://x',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({
      type: '/problems/invalid-input',
      status: 400,
      title: '请求参数有误',
    });
    const fields = new Set(body.errors.map((e: { field: string }) => e.field));
    expect([...fields].sort()).toEqual(['body.code', 'body.name', 'body.role', 'body.webhookUrl']);
    const duty = await office.post(`/api/units/${await env.unitId('ga')}/duties`, {
      area: 'fight',
      text: 'x',
    });
    expect(duty.statusCode).toBe(400);
    expect(
      duty
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.area', 'body.text']);
    expect(await counts()).toEqual(before);
  });

  it('a duplicate code is a 409', async () => {
    const res = await office.post('/api/units', { code: 'ga', name: '另一个公安' });
    expect(res.statusCode).toBe(409);
  });

  it('a stale version is a 409, the current one succeeds', async () => {
    const id = await env.unitId('cz');
    const first = await office.patch(`/api/units/${id}`, { version: 1, shortName: '财政' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, shortName: '财政' });
    const stale = await office.patch(`/api/units/${id}`, { version: 1, shortName: '财政局' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toBe('/problems/stale-version');
  });

  it('renaming to a name another unit holds is a 409 and changes nothing', async () => {
    const unit = await makeUnit(env);
    const res = await office.patch(`/api/units/${unit.id}`, { version: 1, name: '区公安分局' });
    expect(res.statusCode).toBe(409);
    expect((await office.get(`/api/units/${unit.id}`)).json()).toMatchObject({
      name: unit.name,
      version: 1,
    });
  });

  it('a user of a new unit sees the roster but cannot change it', async () => {
    const unit = await makeUnit(env);
    const { caller } = await makeUser(env, 'unit', unit.id);
    expect((await caller.get('/api/me')).json().unitId).toBe(unit.id);
    expect((await caller.get('/api/units')).json().items.length).toBeGreaterThan(16);
    expect(
      (await caller.patch(`/api/units/${unit.id}`, { version: 1, name: '自己改名' })).statusCode,
    ).toBe(403);
  });

  it('unknown and malformed ids: 404 and 400', async () => {
    expect((await office.get('/api/units/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect((await office.get('/api/units/not-a-uuid')).statusCode).toBe(400);
  });

  it('a unit of another conference does not exist for this one', async () => {
    const [other] = await env.sql<{ id: string }>(`
      WITH c AS (INSERT INTO conferences (jurisdiction_id, name, serial_prefix)
                 SELECT id, '另一联席会议', '另' FROM jurisdictions LIMIT 1 RETURNING id)
      INSERT INTO units (conference_id, code, name) SELECT id, 'elsewhere', '外单位' FROM c RETURNING id`);
    expect((await office.get(`/api/units/${other.id}`)).statusCode).toBe(404);
    expect(
      (await office.patch(`/api/units/${other.id}`, { version: 1, name: '改名试试' })).statusCode,
    ).toBe(404);
    const list = (await office.get('/api/units')).json().items.map((u: { id: string }) => u.id);
    expect(list).not.toContain(other.id);
  });
});

describe('accounts', () => {
  it('admin opens a unit account whose first password follows the policy', async () => {
    const admin = await env.as('admin');
    const unitId = await env.unitId('sf');
    const weak = await admin.post('/api/users', {
      username: 'sf-2',
      displayName: '司法局二号',
      role: 'unit',
      unitId,
      password: '123',
    });
    expect(weak.statusCode).toBe(400);
    const noUnit = await admin.post('/api/users', {
      username: 'sf-2',
      displayName: '司法局二号',
      role: 'unit',
      password: 'Good#Pass2026',
    });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().errors[0].field).toBe('body.unitId');
    const ok = await admin.post('/api/users', {
      username: 'sf-2',
      displayName: '司法局二号',
      role: 'unit',
      unitId,
      password: 'Good#Pass2026',
    });
    expect(ok.statusCode).toBe(201);
    const dup = await admin.post('/api/users', {
      username: 'sf-2',
      displayName: '重复',
      role: 'leader',
      password: 'Good#Pass2026',
    });
    expect(dup.statusCode).toBe(409);
    expect(
      (
        await office.post('/api/users', {
          username: 'x-1',
          displayName: 'x',
          role: 'leader',
          password: 'Good#Pass2026',
        })
      ).statusCode,
    ).toBe(403);
    const login = await env.as('sf-2', 'Good#Pass2026');
    expect((await login.get('/api/me')).json()).toMatchObject({
      role: 'unit',
      unitId,
      mustChangePassword: true,
    });
  });
});
