import { processDueClocks, silentLog } from '@lianxi/core';
import { DEFAULT_POLICY } from '@lianxi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskInstants } from '../../../test/support/deadlines.js';
import { openBelow, openCity } from '../../../test/support/conference-tree.js';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

// a Monday morning in Beijing: every deadline below counts from here
const NOW = '2026-03-02T01:00:00Z';
const CITY_ADMIN_PASSWORD = 'City#Admin2026';

let env: TestEnv;
let admin: Caller;
beforeAll(async () => {
  env = await createTestEnv({}, { now: NOW });
  admin = await env.as('admin');
});
afterAll(() => env.close());

const counts = async () => {
  const [row] = await env.sql<Record<string, number>>(
    `SELECT (SELECT count(*) FROM conferences)::int AS conferences,
            (SELECT count(*) FROM jurisdictions)::int AS jurisdictions,
            (SELECT count(*) FROM units)::int AS units,
            (SELECT count(*) FROM duties)::int AS duties,
            (SELECT count(*) FROM users)::int AS users,
            (SELECT count(*) FROM routing_rules)::int AS rules,
            (SELECT count(*) FROM audit_log)::int AS audit`,
  );
  return row;
};

interface Created {
  conference: {
    id: string;
    parentId: string;
    depth: number;
    units: number;
    users: number;
    createdAt: string;
    jurisdiction: { code: string; name: string; level: string };
  };
  officeUnitId: string;
  accounts: { id: string; username: string; role: string; password: string }[];
}

const township = (n: string, extra: Record<string, unknown> = {}) => ({
  jurisdiction: { code: `360199${n}`, name: `测试${n}街道` },
  name: `测试${n}街道打击传销联席会议`,
  serialPrefix: `${n}打传交`,
  admin: { username: `t${n}-admin` },
  office: { username: `t${n}-office` },
  ...extra,
});

const accountOf = (created: Created, role: string) =>
  created.accounts.find((a) => a.role === role)!;

describe('opening a conference below', () => {
  it('a district admin opens a township with the 16-unit template, its routing and first accounts', async () => {
    const before = await counts();
    const res = await admin.post('/api/conferences', { ...township('001'), template: true });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as Created;
    const seeded = (await admin.get('/api/me')).json().conferenceId as string;
    expect(created.conference).toMatchObject({
      parentId: seeded,
      depth: 1,
      name: '测试001街道打击传销联席会议',
      serialPrefix: '001打传交',
      jurisdiction: { code: '360199001', name: '测试001街道', level: 'township' },
      units: 16,
      users: 2,
    });
    expect(created.accounts.map((a) => [a.username, a.role])).toEqual([
      ['t001-admin', 'admin'],
      ['t001-office', 'office'],
    ]);
    expect(Date.parse(created.conference.createdAt) - Date.parse(NOW)).toBeLessThan(60_000);
    for (const a of created.accounts) expect(a.password).toMatch(/^.{14}$/);

    const after = await counts();
    expect(after).toMatchObject({
      conferences: before.conferences + 1,
      jurisdictions: before.jurisdictions + 1,
      units: before.units + 16,
      users: before.users + 2,
      rules: before.rules + 4,
    });
    const [{ parent }] = await env.sql<{ parent: string }>(
      'SELECT parent_id AS parent FROM jurisdictions WHERE code = $1',
      ['360199001'],
    );
    const [{ id: districtJurisdiction }] = await env.sql<{ id: string }>(
      'SELECT jurisdiction_id AS id FROM conferences WHERE id = $1',
      [seeded],
    );
    expect(parent).toBe(districtJurisdiction);
    const [host] = await env.sql<{ code: string }>(
      'SELECT code FROM units WHERE id = $1 AND conference_id = $2 AND hosts_office',
      [created.officeUnitId, created.conference.id],
    );
    expect(host.code).toBe('scjg');

    // audited in the parent's chain, and the child's chain starts with its opening
    const chains = await env.sql<{ conference_id: string; action: string; actor_id: string }>(
      `SELECT conference_id, action, actor_id FROM audit_log
        WHERE conference_id IN ($1, $2) AND at >= $3
          AND (subject_id = $2::text OR conference_id = $2) ORDER BY id`,
      [seeded, created.conference.id, new Date(NOW)],
    );
    const me = (await admin.get('/api/me')).json().id as string;
    expect(chains.filter((c) => c.conference_id === seeded).map((c) => c.action)).toContain(
      'conference.child_created',
    );
    expect(
      chains.filter((c) => c.conference_id === created.conference.id).map((c) => c.action),
    ).toEqual(['conference.created', 'user.created', 'user.created']);
    expect(chains.every((c) => c.actor_id === me)).toBe(true);
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });

    // the first administrator logs in to the new conference and must change the password
    const first = accountOf(created, 'admin');
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: first.username, password: first.password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({
      role: 'admin',
      conferenceId: created.conference.id,
      mustChangePassword: true,
    });
    const child = await env.as(first.username, first.password);
    expect((await child.get('/api/me')).json().conferenceId).toBe(created.conference.id);
    const units = (await child.get('/api/units')).json().items as { code: string }[];
    expect(units).toHaveLength(16);
    expect((await child.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
    const changed = await child.post('/api/me/password', {
      currentPassword: first.password,
      newPassword: 'Township#New2026',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const again = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: first.username, password: 'Township#New2026' },
    });
    expect(again.json().user.mustChangePassword).toBe(false);

    // the office account logs in too
    const office = accountOf(created, 'office');
    const officeCaller = await env.as(office.username, office.password);
    expect((await officeCaller.get('/api/me')).json()).toMatchObject({
      role: 'office',
      conferenceId: created.conference.id,
    });
  });

  it('without the template it opens only the office unit, and the tree lists what is below', async () => {
    const res = await admin.post('/api/conferences', {
      ...township('002'),
      officeUnit: { code: 'scjg', name: '测试002街道市场监管所', shortName: '市场监管所' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as Created;
    expect(created.conference.units).toBe(1);
    const [unit] = await env.sql(
      'SELECT code, role, hosts_office FROM units WHERE conference_id = $1',
      [created.conference.id],
    );
    expect(unit).toEqual({ code: 'scjg', role: 'office', hosts_office: true });
    const [{ duties }] = await env.sql<{ duties: number }>(
      'SELECT count(*)::int AS duties FROM duties WHERE unit_id = $1',
      [created.officeUnitId],
    );
    expect(duties).toBe(0);

    for (const reader of ['admin', 'office', 'supervisor', 'leader']) {
      const tree = await (await env.as(reader)).get('/api/conferences/tree');
      expect(tree.statusCode).toBe(200);
      expect(tree.json().root).toMatchObject({
        name: '某区打击传销联席会议',
        jurisdiction: { level: 'district' },
      });
      expect(tree.json().items.map((i: { name: string }) => i.name)).toEqual([
        '测试001街道打击传销联席会议',
        '测试002街道打击传销联席会议',
      ]);
    }
    expect((await (await env.as('unit-ga')).get('/api/conferences/tree')).statusCode).toBe(403);
  });

  it('refuses bad input, other roles, duplicates and a level with nothing below, changing nothing', async () => {
    const before = await counts();
    const office = await env.as('office');
    const cases: [Caller, unknown, number][] = [
      [admin, township('003'), 400], // neither the template nor an office unit
      [
        admin,
        { ...township('003'), template: true, jurisdiction: { code: '36', name: '某' } },
        400,
      ],
      [admin, { ...township('003'), template: true, office: { username: 't003-admin' } }, 400],
      [admin, { ...township('003'), template: true, level: 'district' }, 422],
      [office, { ...township('003'), template: true }, 403],
      [
        admin,
        { ...township('003'), template: true, jurisdiction: { code: '360199001', name: '重复' } },
        409,
      ],
      [admin, { ...township('003'), template: true, name: '测试001街道打击传销联席会议' }, 409],
      [admin, { ...township('003'), template: true, admin: { username: 'admin' } }, 409],
      [admin, { ...township('003'), template: true, office: { username: 't001-office' } }, 409],
    ];
    for (const [caller, body, status] of cases) {
      const res = await caller.post('/api/conferences', body);
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    // a township's admin may open nothing below it
    const [{ id: townshipAdmin }] = await env.sql<{ id: string }>(
      "SELECT id FROM users WHERE username = 't001-admin'",
    );
    expect(townshipAdmin).toBeTruthy();
    const township001 = await env.as('t001-admin', 'Township#New2026');
    const below = await township001.post('/api/conferences', {
      ...township('004'),
      template: true,
    });
    expect(below.statusCode).toBe(422);
    expect(await counts()).toEqual(before);
  });
});

describe('two districts under one city', () => {
  let city: Caller;
  let a: Created;
  let b: Created;
  let downOrder: { id: string; below: { conferenceId: string; taskId: string }[] };

  beforeAll(async () => {
    await openCity(env, CITY_ADMIN_PASSWORD, [
      ['city-admin', '市系统管理员', 'admin'],
      ['city-office', '市打传办值班员', 'office'],
      ['city-supervisor', '市督查专员', 'supervisor'],
    ]);
    city = await env.as('city-admin', CITY_ADMIN_PASSWORD);
    a = await openBelow<Created>(city, '360102', '东湖区');
    b = await openBelow<Created>(city, '360103', '西湖区');
  });

  it('the city opens districts; its tree holds both, a district’s tree neither', async () => {
    expect(a.conference.jurisdiction).toMatchObject({ level: 'district' });
    const tree = (await city.get('/api/conferences/tree')).json();
    expect(tree.root.name).toBe('某市打击传销联席会议');
    expect(tree.items.map((i: { name: string }) => i.name)).toEqual([
      '东湖区打击传销联席会议',
      '西湖区打击传销联席会议',
    ]);
    const aAdmin = await env.as('360102-admin', accountOf(a, 'admin').password);
    const own = (await aAdmin.get('/api/conferences/tree')).json();
    expect(own.root.name).toBe('东湖区打击传销联席会议');
    expect(own.items).toEqual([]);
    // the seeded district is not the city's: it stands alone
    const seededTree = (await admin.get('/api/conferences/tree')).json();
    expect(seededTree.items.map((i: { name: string }) => i.name)).not.toContain(
      '东湖区打击传销联席会议',
    );
  });

  const unitOf = async (conferenceId: string, code: string) => {
    const [row] = await env.sql<{ id: string }>(
      'SELECT id FROM units WHERE conference_id = $1 AND code = $2',
      [conferenceId, code],
    );
    return row.id;
  };

  it('a user of district A sees nothing of district B', async () => {
    const bOffice = await env.as('360103-office', accountOf(b, 'office').password);
    const order = await bOffice.post('/api/work-orders', {
      title: '西湖区排查出租屋传销窝点',
      body: '请核查并依法处置。',
      assignments: [
        { unitId: await unitOf(b.conference.id, 'ga'), role: 'lead' },
        { unitId: await unitOf(b.conference.id, 'zjj'), role: 'assist' },
      ],
    });
    expect(order.statusCode, order.body).toBe(201);
    const bOrder = order.json() as { id: string; tasks: { id: string }[] };
    expect((await bOffice.get(`/api/work-orders/${bOrder.id}`)).statusCode).toBe(200);

    const aOffice = await env.as('360102-office', accountOf(a, 'office').password);
    const aAdmin = await env.as('360102-admin', accountOf(a, 'admin').password);
    for (const caller of [aOffice, aAdmin]) {
      expect((await caller.get(`/api/work-orders/${bOrder.id}`)).statusCode).toBe(404);
      for (const task of bOrder.tasks) {
        expect((await caller.get(`/api/tasks/${task.id}`)).statusCode).toBe(404);
      }
      const orders = (await caller.get('/api/work-orders')).json().items as { id: string }[];
      expect(orders.map((o) => o.id)).not.toContain(bOrder.id);
      const tasks = (await caller.get('/api/tasks')).json().items as { id: string }[];
      expect(tasks).toEqual([]);
      const units = (await caller.get('/api/units')).json().items as { id: string }[];
      expect(units).toHaveLength(16);
      expect(units.map((u) => u.id)).not.toContain(await unitOf(b.conference.id, 'ga'));
      expect(
        (await caller.get(`/api/units/${await unitOf(b.conference.id, 'ga')}`)).statusCode,
      ).toBe(404);
    }
    // and B's own office still sees its order and tasks
    const bTasks = (await bOffice.get('/api/tasks')).json().items as { id: string }[];
    expect(bTasks.map((t) => t.id).sort()).toEqual(bOrder.tasks.map((t) => t.id).sort());
    // the city's admin does not act inside a district through the district's routes
    expect((await city.get(`/api/work-orders/${bOrder.id}`)).statusCode).toBe(404);
  });

  it('accounts, the operation log and the login log stay per district; a unit user sees its unit only', async () => {
    const aAdmin = await env.as('360102-admin', accountOf(a, 'admin').password);
    const aOffice = await env.as('360102-office', accountOf(a, 'office').password);
    const users = (await aAdmin.get('/api/users')).json().items as { username: string }[];
    expect(users.map((u) => u.username).sort()).toEqual(['360102-admin', '360102-office']);
    const audit = (await aAdmin.get('/api/audit?limit=200')).json().items as {
      subjectId: string;
    }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.map((e) => e.subjectId)).not.toContain(b.conference.id);
    const logins = (await aAdmin.get('/api/login-log?limit=200')).json().items as {
      username: string;
    }[];
    expect(logins.every((l) => l.username.startsWith('360102-'))).toBe(true);

    // A's own unit user: only its unit's task of A's order
    const ga = await unitOf(a.conference.id, 'ga');
    const jy = await unitOf(a.conference.id, 'jy');
    const opened = await aAdmin.post('/api/users', {
      username: '360102-ga',
      displayName: '东湖区公安联络员',
      role: 'unit',
      unitId: ga,
      password: 'Donghu#Ga2026',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    // a unit of district B cannot be given to an account of A
    const elsewhere = await aAdmin.post('/api/users', {
      username: '360102-x',
      displayName: '越界',
      role: 'unit',
      unitId: await unitOf(b.conference.id, 'ga'),
      password: 'Donghu#Xx2026',
    });
    expect(elsewhere.statusCode).toBe(400);
    const order = await aOffice.post('/api/work-orders', {
      title: '东湖区排查校园周边传销',
      body: '请核查。',
      assignments: [
        { unitId: jy, role: 'lead' },
        { unitId: ga, role: 'assist' },
      ],
    });
    expect(order.statusCode, order.body).toBe(201);
    const tasks = order.json().tasks as { id: string; unitId: string }[];
    const unitUser = await env.as('360102-ga', 'Donghu#Ga2026');
    const seen = (await unitUser.get('/api/tasks')).json().items as { id: string }[];
    expect(seen.map((t) => t.id)).toEqual([tasks.find((t) => t.unitId === ga)!.id]);
    const jyTask = tasks.find((t) => t.unitId === jy)!.id;
    expect((await unitUser.get(`/api/tasks/${jyTask}`)).statusCode).toBe(404);
    expect((await unitUser.get('/api/conferences/tree')).statusCode).toBe(403);
  });

  it('the city office issues an order down: each district office gets a task on the city’s policy, and the city reads the progress', async () => {
    const cityOffice = await env.as('city-office', CITY_ADMIN_PASSWORD);
    const cityPolicy = {
      ...DEFAULT_POLICY,
      signWithin: { amount: 3, unit: 'workday' },
      defaultDue: { amount: 8, unit: 'workday' },
    };
    const put = await cityOffice.request({
      method: 'PUT',
      url: '/api/policy',
      payload: { policy: cityPolicy, version: 1 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const count = async () =>
      (await env.sql<{ n: number }>('SELECT count(*)::int AS n FROM work_orders'))[0].n;

    // only direct children with an office: the seeded district is not the city's
    const seeded = (await admin.get('/api/me')).json().conferenceId as string;
    const before = await count();
    const wrong = await cityOffice.post('/api/conferences/work-orders', {
      title: '全市开展打击传销专项行动',
      body: '请各县区打传办组织实施。',
      conferenceIds: [a.conference.id, seeded],
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      { field: 'body.conferenceIds.1', message: '不是本级的直属下级联席会议' },
    ]);
    expect(await count()).toBe(before);
    const aOffice = await env.as('360102-office', accountOf(a, 'office').password);
    expect(
      (
        await aOffice.post('/api/conferences/work-orders', {
          title: '越级',
          body: 'x',
          conferenceIds: [b.conference.id],
        })
      ).statusCode,
    ).toBe(422);

    const res = await cityOffice.post('/api/conferences/work-orders', {
      title: '全市开展打击传销专项行动',
      body: '请各县区打传办组织实施，按期报送战果。',
      conferenceIds: [a.conference.id, b.conference.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const issued = res.json();
    downOrder = issued;
    expect(issued.serial).toMatch(/^市打传交〔2026〕1号$/);
    expect(
      issued.below.map((r: Record<string, unknown>) => [
        r.depth,
        r.jurisdictionName,
        r.unitName,
        r.status,
      ]),
    ).toEqual([
      [1, '东湖区', '区市场监管分局', 'issued'],
      [1, '西湖区', '区市场监管分局', 'issued'],
    ]);
    const aShare = issued.below[0];
    expect(aShare.unitId).toBe(await unitOf(a.conference.id, 'scjg'));
    expect(aShare.dueAt).toBe(issued.dueAt);

    // the district's own order at the same moment runs on the district's (default) policy
    const own = await aOffice.post('/api/work-orders', {
      title: '东湖区自行部署',
      body: 'x',
      assignments: [{ unitId: await unitOf(a.conference.id, 'scjg'), role: 'lead' }],
    });
    expect(own.statusCode, own.body).toBe(201);
    const ownTask = own.json().tasks[0];
    expect(Date.parse(aShare.dueAt)).toBeGreaterThan(Date.parse(ownTask.dueAt));
    expect(Date.parse(aShare.signDueAt)).toBeGreaterThan(Date.parse(ownTask.signDueAt));

    // the district office has it as its own order and task, under its own number
    const copy = await aOffice.get(`/api/work-orders/${aShare.workOrderId}`);
    expect(copy.statusCode).toBe(200);
    expect(copy.json().serial).toBe(aShare.serial);
    expect(copy.json().body).toContain('市打传交〔2026〕1号');
    const aTasks = (await aOffice.get('/api/tasks')).json().items as { id: string }[];
    expect(aTasks.map((t) => t.id)).toContain(aShare.taskId);
    // the sibling does not see it, nor the city's progress
    const bOffice = await env.as('360103-office', accountOf(b, 'office').password);
    expect((await bOffice.get(`/api/work-orders/${aShare.workOrderId}`)).statusCode).toBe(404);
    expect((await bOffice.get(`/api/tasks/${aShare.taskId}`)).statusCode).toBe(404);
    expect((await aOffice.get(`/api/conferences/work-orders/${issued.id}`)).statusCode).toBe(404);

    // the district's office unit signs for it; the city reads the progress in one call
    const aAdmin = await env.as('360102-admin', accountOf(a, 'admin').password);
    const opened = await aAdmin.post('/api/users', {
      username: '360102-scjg',
      displayName: '东湖区市场监管联络员',
      role: 'unit',
      unitId: aShare.unitId,
      password: 'Donghu#Sc2026',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const scjg = await env.as('360102-scjg', 'Donghu#Sc2026');
    const task = (await scjg.get(`/api/tasks/${aShare.taskId}`)).json();
    const accepted = await scjg.post(`/api/tasks/${aShare.taskId}/accept`, {
      version: task.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const progress = await cityOffice.get(`/api/conferences/work-orders/${issued.id}`);
    expect(progress.statusCode).toBe(200);
    expect(progress.json().below.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'issued',
    ]);

    const list = (await cityOffice.get('/api/conferences/work-orders')).json().items;
    expect(list).toEqual([
      expect.objectContaining({ id: issued.id, shares: 2, closed: 0, escalated: 0 }),
    ]);
    expect((await aOffice.get('/api/conferences/work-orders')).json().items).toEqual([]);

    // audited where each act happened
    const actions = async (conferenceId: string) =>
      (
        await env.sql<{ action: string }>(
          "SELECT action FROM audit_log WHERE conference_id = $1 AND action LIKE 'work_order.%' ORDER BY id",
          [conferenceId],
        )
      ).map((r) => r.action);
    const cityId = (await cityOffice.get('/api/me')).json().conferenceId as string;
    expect(await actions(cityId)).toEqual([
      'work_order.issued_down',
      'work_order.progress_below_read',
    ]);
    expect(await actions(b.conference.id)).toEqual(
      expect.arrayContaining(['work_order.received_from_above']),
    );
    for (const caller of [cityOffice, aOffice, bOffice]) {
      expect((await caller.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
    }
  });

  it('a district’s share that reaches 督办 climbs to the city’s supervisors, in the city’s chain', async () => {
    const bShare = downOrder.below.find((r) => r.conferenceId === b.conference.id)!;
    const { level2At } = await taskInstants(env, bShare.taskId);
    env.clock.passTo(level2At);
    await processDueClocks({ db: env.database.db, clock: env.clock, log: silentLog });

    const cityOffice = await env.as('city-office', CITY_ADMIN_PASSWORD, true);
    const progress = (await cityOffice.get(`/api/conferences/work-orders/${downOrder.id}`)).json();
    expect(
      progress.below.find((r: { conferenceId: string }) => r.conferenceId === b.conference.id)
        .escalationLevel,
    ).toBe(2);
    const cityId = (await cityOffice.get('/api/me')).json().conferenceId as string;
    const climbed = await env.sql<{ payload: { taskId: string; level: number } }>(
      "SELECT payload FROM audit_log WHERE conference_id = $1 AND action = 'task.escalated_below'",
      [cityId],
    );
    expect(climbed.map((c) => c.payload)).toContainEqual(
      expect.objectContaining({ taskId: bShare.taskId, level: 2, conferenceId: b.conference.id }),
    );
    const supervisor = await env.as('city-supervisor', CITY_ADMIN_PASSWORD, true);
    const notices = (await supervisor.get('/api/notifications')).json().items as {
      kind: string;
      title: string;
    }[];
    expect(notices.map((n) => n.kind)).toContain('task.below_level2');
    // the district's own supervision goes on as before, in its own conference
    const [{ cases }] = await env.sql<{ cases: number }>(
      'SELECT count(*)::int AS cases FROM supervision_cases WHERE conference_id = $1',
      [b.conference.id],
    );
    expect(cases).toBeGreaterThan(0);
    for (const caller of [cityOffice, supervisor]) {
      expect((await caller.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
    }
  });
});
