import { processDueClocks, silentLog } from '@lianxi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskInstants } from '../../../test/support/deadlines.js';
import { openBelow, openCity, passwordOf } from '../../../test/support/conference-tree.js';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

// a Monday morning in Beijing: every deadline below counts from here
const NOW = '2026-03-02T01:00:00Z';
const CITY_PASSWORD = 'City#Admin2026';

let env: TestEnv;
let city: Caller;
let cityOffice: Caller;
interface Created {
  conference: { id: string };
  officeUnitId: string;
  accounts: { username: string; role: string; password: string }[];
}
let a: Created;
let b: Created;
let aOffice: Caller;
let bOffice: Caller;

const unitOf = async (conferenceId: string, code: string) => {
  const [row] = await env.sql<{ id: string }>(
    'SELECT id FROM units WHERE conference_id = $1 AND code = $2',
    [conferenceId, code],
  );
  return row.id;
};

beforeAll(async () => {
  env = await createTestEnv({}, { now: NOW });
  await openCity(env, CITY_PASSWORD, [
    ['city-admin', '市系统管理员', 'admin'],
    ['city-office', '市打传办值班员', 'office'],
  ]);
  city = await env.as('city-admin', CITY_PASSWORD);
  cityOffice = await env.as('city-office', CITY_PASSWORD);
  a = await openBelow<Created>(city, '360102', '东湖区');
  b = await openBelow<Created>(city, '360103', '西湖区');
  aOffice = await env.as('360102-office', passwordOf(a, 'office'));
  bOffice = await env.as('360103-office', passwordOf(b, 'office'));
});
afterAll(() => env.close());

const issueDown = async (title: string) => {
  const res = await cityOffice.post('/api/conferences/work-orders', {
    title,
    body: '请各县区打传办组织实施，按期报送战果。',
    conferenceIds: [a.conference.id, b.conference.id],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    below: { conferenceId: string; workOrderId: string; taskId: string; dueAt: string }[];
  };
};

describe('a district splits its share of a city order', () => {
  let down: Awaited<ReturnType<typeof issueDown>>;
  let split: { id: string; serial: string; dueAt: string; tasks: { id: string; unitId: string }[] };

  it('into its own order to its units, no later than the share, named in the share’s timeline', async () => {
    down = await issueDown('全市开展打击传销专项行动');
    const share = down.below.find((r) => r.conferenceId === a.conference.id)!;
    const gaj = await unitOf(a.conference.id, 'ga');
    const scjg = await unitOf(a.conference.id, 'scjg');
    const count = async () =>
      (await env.sql<{ n: number }>('SELECT count(*)::int AS n FROM work_orders'))[0].n;
    const before = await count();

    // later than the share's own due time: refused, nothing left behind
    const late = await aOffice.post(`/api/conferences/work-orders/${share.workOrderId}/split`, {
      title: '东湖区落实市专项行动',
      body: '请各单位按分工落实。',
      dueAt: new Date(Date.parse(share.dueAt) + 60_000).toISOString(),
      assignments: [
        { unitId: scjg, role: 'lead' },
        { unitId: gaj, role: 'assist' },
      ],
    });
    expect(late.statusCode, late.body).toBe(422);
    expect(late.json().errors).toEqual([{ field: 'body.dueAt', message: '晚于上级交办的期限' }]);
    // exactly one lead, as any order
    const twoLeads = await aOffice.post(`/api/conferences/work-orders/${share.workOrderId}/split`, {
      title: '东湖区落实市专项行动',
      body: '请各单位按分工落实。',
      assignments: [
        { unitId: scjg, role: 'lead' },
        { unitId: gaj, role: 'lead' },
      ],
    });
    expect(twoLeads.statusCode).toBe(400);
    expect(await count()).toBe(before);

    const res = await aOffice.post(`/api/conferences/work-orders/${share.workOrderId}/split`, {
      title: '东湖区落实市专项行动',
      body: '请各单位按分工落实。',
      dueAt: share.dueAt,
      assignments: [
        { unitId: scjg, role: 'lead' },
        { unitId: gaj, role: 'assist' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    split = res.json();
    expect(split.serial).toBe('东湖打传交〔2026〕2号');
    expect(split.dueAt).toBe(share.dueAt);
    expect(split.tasks.map((t) => t.unitId)).toEqual([scjg, gaj]);
    const [row] = await env.sql<{ parent: string; conference: string }>(
      'SELECT parent_order_id AS parent, conference_id AS conference FROM work_orders WHERE id = $1',
      [split.id],
    );
    expect(row).toEqual({ parent: share.workOrderId, conference: a.conference.id });

    // the share is marked as from above (the page offers to split it); the split is not
    expect((await aOffice.get(`/api/work-orders/${share.workOrderId}`)).json().fromAbove).toBe(
      true,
    );
    expect((await aOffice.get(`/api/work-orders/${split.id}`)).json().fromAbove).toBe(false);
    const task = (await aOffice.get(`/api/tasks/${share.taskId}`)).json();
    expect(task.events.at(-1)).toMatchObject({
      action: 'split',
      note: `分解交办 ${split.serial}《东湖区落实市专项行动》`,
    });
    const audit = await env.sql<{ action: string }>(
      "SELECT action FROM audit_log WHERE conference_id = $1 AND action LIKE 'work_order.%' ORDER BY id",
      [a.conference.id],
    );
    expect(audit.map((r) => r.action)).toEqual([
      'work_order.received_from_above',
      'work_order.issued',
      'work_order.split_down',
    ]);
    expect((await aOffice.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('only the office of the conference holding the share may split it', async () => {
    const share = down.below.find((r) => r.conferenceId === a.conference.id)!;
    const scjg = await unitOf(a.conference.id, 'scjg');
    const body = {
      title: '越权分解',
      body: 'x',
      assignments: [{ unitId: scjg, role: 'lead' }],
    };
    const url = `/api/conferences/work-orders/${share.workOrderId}/split`;
    // a sibling district and the city itself: not theirs to split
    expect((await bOffice.post(url, body)).statusCode).toBe(404);
    expect((await cityOffice.post(url, body)).statusCode).toBe(404);
    // the district's own order, or the split one, is no share from above
    expect(
      (await aOffice.post(`/api/conferences/work-orders/${split.id}/split`, body)).statusCode,
    ).toBe(404);
    // a unit of the district may not
    const aAdmin = await env.as('360102-admin', passwordOf(a, 'admin'));
    const opened = await aAdmin.post('/api/users', {
      username: '360102-scjg',
      displayName: '东湖区市场监管联络员',
      role: 'unit',
      unitId: scjg,
      password: 'Donghu#Sc2026',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const unit = await env.as('360102-scjg', 'Donghu#Sc2026');
    expect((await unit.post(url, body)).statusCode).toBe(403);
    // the district's administrator may
    const byAdmin = await aAdmin.post(url, { ...body, title: '东湖区第二批任务' });
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
  });

  it('the city reads each district’s share and the tasks it split it into, in one read', async () => {
    const progress = await cityOffice.get(`/api/conferences/work-orders/${down.id}`);
    expect(progress.statusCode, progress.body).toBe(200);
    const rows = progress.json().below as Record<string, unknown>[];
    const share = down.below.find((r) => r.conferenceId === a.conference.id)!;
    expect(
      rows.map((r) => [r.depth, r.kind, r.jurisdictionName, r.serial, r.unitName, r.role]),
    ).toEqual([
      [1, 'share', '东湖区', '东湖打传交〔2026〕1号', '区市场监管分局', 'lead'],
      [1, 'split', '东湖区', '东湖打传交〔2026〕2号', '区市场监管分局', 'lead'],
      [1, 'split', '东湖区', '东湖打传交〔2026〕2号', '区公安分局', 'assist'],
      [1, 'split', '东湖区', '东湖打传交〔2026〕3号', '区市场监管分局', 'lead'],
      [1, 'share', '西湖区', '西湖打传交〔2026〕1号', '区市场监管分局', 'lead'],
    ]);
    const splitRows = rows.filter((r) => r.kind === 'split');
    expect(splitRows.every((r) => r.conferenceId === a.conference.id)).toBe(true);
    expect(rows[1]).toMatchObject({
      parentWorkOrderId: share.workOrderId,
      workOrderId: split.id,
      taskId: split.tasks[0].id,
      status: 'issued',
      dueAt: split.dueAt,
      escalationLevel: 0,
    });

    // the split lead task left unsigned climbs in the district; the city sees its level
    const { level1At } = await taskInstants(env, split.tasks[0].id);
    env.clock.passTo(level1At);
    await processDueClocks({ db: env.database.db, clock: env.clock, log: silentLog });
    const fresh = await env.as('city-office', CITY_PASSWORD, true);
    const later = (await fresh.get(`/api/conferences/work-orders/${down.id}`)).json().below as {
      taskId: string;
      escalationLevel: number;
    }[];
    expect(
      later.find((r) => r.taskId === split.tasks[0].id)!.escalationLevel,
    ).toBeGreaterThanOrEqual(1);
    // the list of orders issued down still counts the shares only
    const list = (await fresh.get('/api/conferences/work-orders')).json().items;
    expect(list).toEqual([expect.objectContaining({ id: down.id, shares: 2 })]);
  });
});

describe('a share keeps the city’s policy when it is counted again', () => {
  it('an extension of a district’s share is bounded by the city’s maxExtension, not the district’s', async () => {
    // the clock has moved on since the first logins
    const fresh = await env.as('city-office', CITY_PASSWORD, true);
    const district = await env.as('360102-office', passwordOf(a, 'office'), true);
    const policy = (await fresh.get('/api/policy')).json();
    const put = await fresh.request({
      method: 'PUT',
      url: '/api/policy',
      payload: {
        policy: { ...policy.policy, maxExtension: { amount: 1, unit: 'workday' } },
        version: policy.version,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const res = await fresh.post('/api/conferences/work-orders', {
      title: '全市开展传销窝点清查',
      body: '请各县区打传办组织清查。',
      conferenceIds: [a.conference.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const share = res.json().below[0] as { taskId: string; workOrderId: string };
    const [{ governs }] = await env.sql<{ governs: string }>(
      'SELECT policy_conference_id AS governs FROM work_orders WHERE id = $1',
      [share.workOrderId],
    );
    const [{ id: cityId }] = await env.sql<{ id: string }>(
      "SELECT conference_id AS id FROM users WHERE username = 'city-office'",
    );
    expect(governs).toBe(cityId);

    const unit = await env.as('360102-scjg', 'Donghu#Sc2026', true);
    const task = (await unit.get(`/api/tasks/${share.taskId}`)).json();
    expect(
      (await unit.post(`/api/tasks/${share.taskId}/accept`, { version: task.version })).statusCode,
    ).toBe(200);
    const { dueAt } = await taskInstants(env, share.taskId);
    const allowance = (await unit.get(`/api/tasks/${share.taskId}/extension-allowance`)).json();
    // one workday on the city's policy, where the district's own allows ten
    const spread = Date.parse(allowance.latestDueAt) - dueAt.getTime();
    expect(spread).toBeGreaterThan(0);
    expect(spread).toBeLessThanOrEqual(5 * 86_400_000);
    const tooLate = await unit.post(`/api/tasks/${share.taskId}/extension-requests`, {
      requestedDueAt: new Date(dueAt.getTime() + 7 * 86_400_000).toISOString(),
      reason: '涉及窝点较多，需延期清查',
    });
    expect(tooLate.statusCode, tooLate.body).toBe(422);
    expect(tooLate.json().errors).toEqual([
      { field: 'body.requestedDueAt', message: '超过延期上限' },
    ]);
    const within = await unit.post(`/api/tasks/${share.taskId}/extension-requests`, {
      requestedDueAt: allowance.latestDueAt,
      reason: '涉及窝点较多，需延期清查',
    });
    expect(within.statusCode, within.body).toBe(201);

    // the district's own split order keeps the district's policy
    const split = await district.post(`/api/conferences/work-orders/${share.workOrderId}/split`, {
      title: '东湖区清查窝点',
      body: 'x',
      assignments: [{ unitId: await unitOf(a.conference.id, 'ga'), role: 'lead' }],
      dueInWorkdays: 1,
    });
    expect(split.statusCode, split.body).toBe(201);
    const [{ splitGoverns }] = await env.sql<{ splitGoverns: string | null }>(
      'SELECT policy_conference_id AS "splitGoverns" FROM work_orders WHERE id = $1',
      [split.json().id],
    );
    expect(splitGoverns).toBeNull();
  });
});
