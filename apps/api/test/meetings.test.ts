import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
let office: Caller;
let ga: Caller;

beforeAll(async () => {
  env = await createTestEnv();
  office = await env.as('office');
  ga = await env.as('unit-ga');
});
afterAll(() => env.close());

async function julyMeeting() {
  const res = await office.post('/api/meetings', {
    kind: 'plenary',
    title: '2026 年打击传销工作联席会议全体会议',
    heldAt: '2026-07-10T09:30:00+08:00',
    place: '区政府第三会议室',
    chair: '副区长',
    attendees: [
      { unitId: null, name: '王副区长', title: '联席会议召集人' },
      { unitId: await env.unitId('ga'), name: '李队长' },
      { unitId: await env.unitId('scjg'), name: '张科长' },
    ],
    minutes: '会议听取了上半年打击传销工作情况汇报，研究部署下半年工作。',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

describe('meetings and resolutions', () => {
  it('what came of the July meeting: each resolution with its orders and how far they got', async () => {
    const meeting = await julyMeeting();
    const first = await office.post(`/api/meetings/${meeting.id}/resolutions`, {
      text: '公安分局牵头开展“清楼扫街”专项行动',
      leadUnitId: await env.unitId('ga'),
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await office.post(`/api/meetings/${meeting.id}/resolutions`, {
      text: '教育局在秋季开学前开展校园防范传销宣传',
    });
    expect(second.json().seq).toBe(2);

    const order = await office.post(`/api/resolutions/${first.json().id}/work-orders`, {
      title: '落实联席会议议定事项：“清楼扫街”专项行动',
      body: '请于期限内完成辖区出租屋排查',
      assignments: [{ unitId: await env.unitId('ga'), role: 'lead' }],
    });
    expect(order.statusCode, order.body).toBe(201);
    expect(order.json().resolutionId).toBe(first.json().id);

    let detail = (await office.get(`/api/meetings/${meeting.id}`)).json();
    expect(detail.resolutions.map((r: { progress: string }) => r.progress)).toEqual([
      'in_progress',
      'pending',
    ]);
    expect(detail.resolutions[0].workOrders[0]).toMatchObject({
      serial: order.json().serial,
      tasks: 1,
      closedTasks: 0,
    });

    const taskId = order.json().tasks[0].id;
    await ga.post(`/api/tasks/${taskId}/accept`, {});
    await ga.post(`/api/tasks/${taskId}/report`, { summary: '排查出租屋 320 间，捣毁窝点 2 个' });
    await office.post(`/api/tasks/${taskId}/review`, { approve: true });
    detail = (await office.get(`/api/meetings/${meeting.id}`)).json();
    expect(detail.resolutions[0]).toMatchObject({ progress: 'done' });
    expect(detail.resolutions[0].workOrders[0]).toMatchObject({ status: 'closed', closedTasks: 1 });

    // every member may read the record; a unit sees only the orders it has a task in
    const jy = await env.as('unit-jy');
    const seen = (await jy.get(`/api/meetings/${meeting.id}`)).json();
    expect(seen.resolutions).toHaveLength(2);
    expect(seen.resolutions[0].workOrders).toEqual([]);
    expect((await jy.get('/api/meetings')).json().items.map((m: { id: string }) => m.id)).toContain(
      meeting.id,
    );
  });

  it('refuses what does not belong, and changes nothing', async () => {
    const meeting = await julyMeeting();
    const count = async () =>
      Number((await env.sql<{ n: string }>('SELECT count(*) AS n FROM meetings'))[0].n);
    const before = await count();
    expect(
      (
        await ga.post('/api/meetings', {
          kind: 'regular',
          title: '单位自行登记',
          heldAt: '2026-07-01T09:00:00+08:00',
        })
      ).statusCode,
    ).toBe(403);
    const foreign = await office.post('/api/meetings', {
      kind: 'special',
      title: '专题会议',
      heldAt: '2026-08-01T09:00:00+08:00',
      attendees: [{ unitId: '00000000-0000-4000-8000-000000000000', name: '某人' }],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].field).toBe('body.attendees.0.unitId');
    expect(await count()).toBe(before);

    const stale = await office.patch(`/api/meetings/${meeting.id}`, {
      version: meeting.version + 5,
      minutes: '改纪要',
    });
    expect(stale.statusCode).toBe(409);
    const ok = await office.patch(`/api/meetings/${meeting.id}`, {
      version: meeting.version,
      minutes: '会议纪要（定稿）',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ minutes: '会议纪要（定稿）', version: meeting.version + 1 });
    // a field may be cleared; what is not sent stays as it was
    const cleared = await office.patch(`/api/meetings/${meeting.id}`, {
      version: ok.json().version,
      place: null,
    });
    expect(cleared.json()).toMatchObject({ place: null, minutes: '会议纪要（定稿）' });
    expect(cleared.json().attendees).toHaveLength(3);
    expect(
      (
        await office.post('/api/resolutions/00000000-0000-4000-8000-000000000000/work-orders', {
          title: '无此事项',
          body: '无',
          assignments: [{ unitId: await env.unitId('ga'), role: 'lead' }],
        })
      ).statusCode,
    ).toBe(404);
  });
});
