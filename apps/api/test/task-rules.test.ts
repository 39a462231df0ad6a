import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
let office: Caller;
let units: Record<string, string>;
const DAY = 86_400_000;

beforeAll(async () => {
  env = await createTestEnv({ sessionMaxHours: 24 * 365 });
  office = await env.as('office');
  units = Object.fromEntries(
    (await env.sql<{ code: string; id: string }>('SELECT code, id FROM units')).map((u) => [
      u.code,
      u.id,
    ]),
  );
});
afterAll(() => env.close());

async function issue(codes: string[], extra: Record<string, unknown> = {}) {
  const res = await office.post('/api/work-orders', {
    title: '规则测试',
    body: '测试',
    assignments: codes.map((code, i) => ({
      unitId: units[code],
      role: i === 0 ? 'lead' : 'assist',
    })),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; tasks: { id: string; unitId: string; dueAt: string }[] };
}
const taskOf = (order: { tasks: { id: string; unitId: string }[] }, code: string) =>
  order.tasks.find((t) => t.unitId === units[code])!.id;

describe('the task list', () => {
  it('each filter, alone and together, pages to exactly what the table holds, for office and unit', async () => {
    const first = await issue(['ga', 'scjg', 'jy']);
    await issue(['ga', 'mz']);
    await issue(['scjg', 'ga']);
    const ga = await env.as('unit-ga');
    await ga.post(`/api/tasks/${taskOf(first, 'ga')}/accept`, {});
    const pageAll = async (who: Caller, query: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await who.get(
          `/api/tasks?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        ids.push(...res.json().items.map((t: { id: string }) => t.id));
        cursor = res.json().nextCursor;
      } while (cursor);
      return ids;
    };
    const expected = async (where: string, values: unknown[]) =>
      (
        await env.sql<{ id: string }>(
          `SELECT id FROM tasks WHERE ${where} ORDER BY created_at DESC, id DESC`,
          values,
        )
      ).map((r) => r.id);
    const cases: [Caller, string, string, unknown[]][] = [
      [office, '', 'true', []],
      [office, `unitId=${units.ga}`, 'unit_id = $1', [units.ga]],
      [office, `workOrderId=${first.id}`, 'work_order_id = $1', [first.id]],
      [office, 'status=accepted', "status = 'accepted'", []],
      [office, 'overdue=false', 'escalation_level = 0', []],
      [
        office,
        `unitId=${units.ga}&status=issued&overdue=false`,
        "unit_id = $1 AND status = 'issued' AND escalation_level = 0",
        [units.ga],
      ],
      [ga, '', 'unit_id = $1', [units.ga]],
      [ga, `unitId=${units.scjg}`, 'false', []],
      [ga, 'status=issued', "unit_id = $1 AND status = 'issued'", [units.ga]],
    ];
    for (const [who, query, where, values] of cases) {
      const want = await expected(where, values);
      expect(await pageAll(who, query), `${query} (${where})`).toEqual(want);
    }
    expect((await expected("unit_id = $1 AND status = 'issued'", [units.ga])).length).toBe(2);
  });
});

describe('cursors and limits a client can break', () => {
  it('a well-formed cursor with a bad key is a 400 on every list, not a 500', async () => {
    const forged = Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url');
    const supervisor = await env.as('supervisor');
    for (const [who, url] of [
      [office, '/api/tasks'],
      [office, '/api/work-orders'],
      [office, '/api/notifications'],
      [supervisor, '/api/supervision/cases'],
      [office, '/api/audit'],
      [office, '/api/login-log'],
    ] as const) {
      const res = await who.get(`${url}?cursor=${forged}`);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors[0].field).toBe('querystring.cursor');
    }
  });

  it('a due time centuries ahead is refused', async () => {
    const res = await office.post('/api/work-orders', {
      title: '远期',
      body: 'x',
      dueAt: '9999-12-30T12:00:00+08:00',
      assignments: [{ unitId: units.ga, role: 'lead' }],
    });
    expect(res.statusCode).toBe(422);
  });
});

describe('returns', () => {
  it('a task the office kept with its unit cannot be returned again', async () => {
    const order = await issue(['xcb']);
    const id = taskOf(order, 'xcb');
    const xcb = await env.as('unit-xcb');
    await xcb.post(`/api/tasks/${id}/return`, { reason: '不属于宣传职责' });
    await office.post(`/api/tasks/${id}/ruling`, { decision: 'overrule' });
    const again = await xcb.post(`/api/tasks/${id}/return`, { reason: '再退一次' });
    expect(again.statusCode).toBe(422);
  });

  it('a reassignment after a fixed due time has passed gives the new unit a full limit', async () => {
    const soon = new Date(env.clock.now().getTime() + 2 * DAY).toISOString();
    const order = await issue(['wgx'], { dueAt: soon });
    const id = taskOf(order, 'wgx');
    await (await env.as('unit-wgx')).post(`/api/tasks/${id}/return`, { reason: '应由公安承办' });
    env.clock.advance(4 * DAY);
    await office.post(`/api/tasks/${id}/ruling`, { decision: 'reassign', unitId: units.jcy });
    const fresh = (await office.get(`/api/work-orders/${order.id}`))
      .json()
      .tasks.find((t: { unitId: string }) => t.unitId === units.jcy);
    expect(new Date(fresh.dueAt).getTime()).toBeGreaterThan(env.clock.now().getTime());
    expect(fresh.escalationLevel).toBe(0);
  });

  it('two rulings racing to give one unit the same order leave it one open task', async () => {
    const order = await issue(['fy', 'jw']);
    for (const code of ['fy', 'jw']) {
      await (
        await env.as(`unit-${code}`)
      ).post(`/api/tasks/${taskOf(order, code)}/return`, { reason: '不属本单位' });
    }
    const results = await Promise.all(
      ['fy', 'jw'].map((code) =>
        office.post(`/api/tasks/${taskOf(order, code)}/ruling`, {
          decision: 'reassign',
          unitId: units.jxj,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, expect.any(Number)]);
    expect(results.filter((r) => r.statusCode >= 500)).toHaveLength(0);
    const [{ open }] = await env.sql<{ open: number }>(
      "SELECT count(*)::int AS open FROM tasks WHERE work_order_id = $1 AND unit_id = $2 AND status IN ('issued','accepted','returned','reported')",
      [order.id, units.jxj],
    );
    expect(open).toBe(1);
  });
});

describe('extensions', () => {
  it("lapse when the task leaves the unit's hands, and cannot be approved once their date has passed", async () => {
    const order = await issue(['zfw']);
    const id = taskOf(order, 'zfw');
    const zfw = await env.as('unit-zfw');
    await zfw.post(`/api/tasks/${id}/accept`, {});
    const task = (await zfw.get(`/api/tasks/${id}`)).json();
    const later = new Date(new Date(task.dueAt).getTime() + 2 * DAY).toISOString();
    const asked = (
      await zfw.post(`/api/tasks/${id}/extension-requests`, {
        requestedDueAt: later,
        reason: '需补充材料',
      })
    ).json();
    await zfw.post(`/api/tasks/${id}/report`, { summary: '已办结' });
    const lapsed = (await zfw.get(`/api/tasks/${id}/extension-requests`)).json().items[0];
    expect(lapsed).toMatchObject({ id: asked.id, status: 'denied' });
    expect(
      (await office.post(`/api/extension-requests/${asked.id}/decision`, { approve: true }))
        .statusCode,
    ).toBe(409);

    const second = await issue(['zfw']);
    const id2 = taskOf(second, 'zfw');
    await zfw.post(`/api/tasks/${id2}/accept`, {});
    const t2 = (await zfw.get(`/api/tasks/${id2}`)).json();
    const wanted = new Date(new Date(t2.dueAt).getTime() + DAY).toISOString();
    const req2 = (
      await zfw.post(`/api/tasks/${id2}/extension-requests`, {
        requestedDueAt: wanted,
        reason: '等待鉴定',
      })
    ).json();
    env.clock.advance(30 * DAY); // the office sits on it past the date asked for
    const late = await office.post(`/api/extension-requests/${req2.id}/decision`, {
      approve: true,
    });
    expect(late.statusCode).toBe(422);
    expect(
      (await office.post(`/api/extension-requests/${req2.id}/decision`, { approve: false }))
        .statusCode,
    ).toBe(200);
  });
});
