import { firstMatchingRule } from '@lianxi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
let office: Caller;
beforeAll(async () => {
  env = await createTestEnv();
  office = await env.as('office');
});
afterAll(() => env.close());

describe('routing rules', () => {
  it('are seeded with the defaults, which send schemes where the issue says', async () => {
    const rules = (await office.get('/api/routing-rules')).json().items;
    expect(rules).toHaveLength(4);
    const [ga, jy, scjg] = [
      await env.unitId('ga'),
      await env.unitId('jy'),
      await env.unitId('scjg'),
    ];
    const route = (over: object) =>
      firstMatchingRule(rules, {
        category: 'gathering',
        township: null,
        participants: 5,
        levels: 1,
        amountYuan: null,
        subjectName: '某公司',
        description: '拉人头',
        ...over,
      });
    expect(route({ participants: 30, levels: 3 })).toMatchObject({
      targetUnitId: ga,
      kind: 'criminal_referral',
    });
    expect(route({ description: '在大学生中发展下线' })).toMatchObject({
      targetUnitId: jy,
      kind: 'route',
    });
    expect(route({ category: 'online' })).toMatchObject({ targetUnitId: scjg, kind: 'route' });
    expect(route({})).toMatchObject({ targetUnitId: scjg });
  });

  it('are edited by the office, with versions, and audited', async () => {
    const mz = await env.unitId('mz');
    const created = await office.post('/api/routing-rules', {
      name: '青山镇聚集型传销：民政局协助遣返',
      position: 5,
      conditions: { categories: ['gathering'], townships: ['青山镇'] },
      targetUnitId: mz,
    });
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json();
    expect((await office.get('/api/routing-rules')).json().items[0].id).toBe(rule.id);

    const renamed = await office.patch(`/api/routing-rules/${rule.id}`, {
      version: 1,
      enabled: false,
    });
    expect(renamed.json()).toMatchObject({ enabled: false, version: 2 });
    // moving a rule changes its place only: not its kind, not whether it is on
    const referral = (
      await office.post('/api/routing-rules', {
        name: '大额传销：移送公安',
        conditions: { minAmountYuan: 1_000_000 },
        targetUnitId: await env.unitId('ga'),
        kind: 'criminal_referral',
        enabled: false,
      })
    ).json();
    const moved = await office.patch(`/api/routing-rules/${referral.id}`, {
      version: referral.version,
      position: 1,
    });
    expect(moved.json()).toMatchObject({ position: 1, kind: 'criminal_referral', enabled: false });
    expect(
      (await office.patch(`/api/routing-rules/${rule.id}`, { version: 1, name: '旧版本' }))
        .statusCode,
    ).toBe(409);

    const audit = (
      await office.get(`/api/audit?subjectType=routing_rule&subjectId=${rule.id}`)
    ).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'routing_rule.updated',
      'routing_rule.created',
    ]);

    expect(
      (await office.request({ method: 'DELETE', url: `/api/routing-rules/${rule.id}` })).statusCode,
    ).toBe(204);
    expect(
      (await office.request({ method: 'DELETE', url: `/api/routing-rules/${rule.id}` })).statusCode,
    ).toBe(404);
  });

  it('refuse bad rules and outsiders', async () => {
    const bad = await office.post('/api/routing-rules', {
      name: '坏规则',
      conditions: { minParticipants: -1, categories: [] },
      targetUnitId: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual([
      'body.conditions.categories',
      'body.conditions.minParticipants',
      'body.targetUnitId',
    ]);
    const elsewhere = await office.post('/api/routing-rules', {
      name: '外单位',
      conditions: {},
      targetUnitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(elsewhere.statusCode).toBe(422);
    const unit = await env.as('unit-ga');
    expect(
      (
        await unit.post('/api/routing-rules', {
          name: '越权',
          conditions: {},
          targetUnitId: await env.unitId('ga'),
        })
      ).statusCode,
    ).toBe(403);
    expect((await unit.get('/api/routing-rules')).statusCode).toBe(403);
  });
});
