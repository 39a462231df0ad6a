import { processDueClocks } from '@lianxi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestTaskInstant, taskInstants } from '../../../test/support/deadlines.js';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';
import { silent } from '../../../test/support/wait.js';

let env: TestEnv;
let office: Caller;
let supervisor: Caller;
let overdueTask: string;

beforeAll(async () => {
  env = await createTestEnv({ sessionMaxHours: 24 * 365 });
  office = await env.as('office');
  supervisor = await env.as('supervisor');
  const order = await office.post('/api/work-orders', {
    title: '清查出租屋传销窝点',
    body: '请会同住建部门清查。',
    dueInWorkdays: 1,
    assignments: [{ unitId: await env.unitId('zjj'), role: 'lead' }],
  });
  overdueTask = order.json().tasks[0].id;
  await (await env.as('unit-zjj')).post(`/api/tasks/${overdueTask}/accept`, {});
  // a quiet order, signed for and on time
  const quiet = await office.post('/api/work-orders', {
    title: '按期事项',
    body: '无需督办',
    dueInWorkdays: 60,
    assignments: [{ unitId: await env.unitId('fzb'), role: 'lead' }],
  });
  await (await env.as('unit-fzb')).post(`/api/tasks/${quiet.json().tasks[0].id}/accept`, {});
  // past level 3 of the first, wherever weekends and holidays put it
  env.clock.passTo((await taskInstants(env, overdueTask)).level3At);
  await processDueClocks({ db: env.database.db, clock: env.clock, log: silent });
});
afterAll(() => env.close());

describe('the overdue board', () => {
  it('shows only overdue open items, worst first, coloured, to supervisors, office and leaders', async () => {
    const board = (await supervisor.get('/api/supervision/overdue')).json().items;
    expect(board).toHaveLength(1);
    expect(board[0]).toMatchObject({
      taskId: overdueTask,
      escalationLevel: 3,
      colour: 'red',
      redFlag: true,
    });
    expect(board[0].caseId).not.toBeNull();
    expect((await (await env.as('leader')).get('/api/supervision/overdue')).statusCode).toBe(200);
    expect((await (await env.as('unit-zjj')).get('/api/supervision/overdue')).statusCode).toBe(403);
    const overdueList = (await office.get('/api/tasks?overdue=true')).json().items;
    expect(overdueList.map((t: { id: string }) => t.id)).toEqual([overdueTask]);
  });

  it('records each level once, with the escalation history on the task', async () => {
    const history = (await office.get(`/api/tasks/${overdueTask}/escalations`)).json().items;
    expect(
      history.map((e: { level: number; reason: string }) => `${e.reason}:${e.level}`).sort(),
    ).toEqual(['overdue:1', 'overdue:2', 'overdue:3']);
    await processDueClocks({ db: env.database.db, clock: env.clock, log: silent });
    expect((await office.get(`/api/tasks/${overdueTask}/escalations`)).json().items).toHaveLength(
      3,
    );
  });
});

describe('dashboard figures', () => {
  it('are counted by the database, within the caller scope', async () => {
    const all = (await office.get('/api/stats/tasks')).json();
    expect(all).toMatchObject({
      total: 2,
      open: 2,
      byColour: { blue: 0, yellow: 0, orange: 0, red: 1 },
    });
    expect(all.byStatus.accepted).toBe(2);
    expect(all.byUnit[0]).toMatchObject({ unitId: await env.unitId('zjj'), overdue: 1, open: 1 });
    const own = (await (await env.as('unit-fzb')).get('/api/stats/tasks')).json();
    expect(own).toMatchObject({ total: 1, open: 1, byColour: { red: 0 } });
    expect(own.byUnit.map((u: { unitId: string }) => u.unitId)).toEqual([await env.unitId('fzb')]);
  });
});

describe('supervision cases', () => {
  it('supervisors add opinions and close with a conclusion and accountability', async () => {
    const cases = (await supervisor.get('/api/supervision/cases?status=open')).json().items;
    expect(cases).toHaveLength(1);
    const id = cases[0].id;
    expect(cases[0]).toMatchObject({ taskId: overdueTask, level: 3, status: 'open' });

    expect(
      (await office.post(`/api/supervision/cases/${id}/opinions`, { text: '打传办不能写督办意见' }))
        .statusCode,
    ).toBe(403);
    const opinion = await supervisor.post(`/api/supervision/cases/${id}/opinions`, {
      text: '请住建局三日内说明逾期原因',
    });
    expect(opinion.statusCode).toBe(201);
    expect(opinion.json().opinions).toHaveLength(1);

    expect(
      (await supervisor.post(`/api/supervision/cases/${id}/close`, { conclusion: '' })).statusCode,
    ).toBe(400);
    const closed = await supervisor.post(`/api/supervision/cases/${id}/close`, {
      conclusion: '已督促办结，原因系人员调整',
      accountability: '对责任科室通报批评',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', accountability: '对责任科室通报批评' });
    expect(
      (await supervisor.post(`/api/supervision/cases/${id}/close`, { conclusion: '再次办结' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await supervisor.post(`/api/supervision/cases/${id}/opinions`, { text: '迟到的意见' }))
        .statusCode,
    ).toBe(409);
    const audit = (
      await office.get(`/api/audit?subjectType=supervision_case&subjectId=${id}`)
    ).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'supervision.closed',
      'supervision.opinion',
    ]);
  });

  it('an unknown case is a 404', async () => {
    expect(
      (await supervisor.get('/api/supervision/cases/00000000-0000-4000-8000-000000000009'))
        .statusCode,
    ).toBe(404);
  });
});

describe('notifications', () => {
  it('each user reads only their own inbox and marks notices read', async () => {
    const zjj = await env.as('unit-zjj');
    const unread = (await zjj.get('/api/notifications?unread=true')).json().items;
    const kinds = unread.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['task.issued', 'task.level1', 'task.level2', 'task.level3']),
    );
    expect((await zjj.get('/api/notifications/unread-count')).json()).toEqual({
      count: unread.length,
    });
    const read = await zjj.post(`/api/notifications/${unread[0].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await zjj.get('/api/notifications?unread=true')).json().items).toHaveLength(
      unread.length - 1,
    );
    // someone else's notice does not exist for another user
    expect(
      (await (await env.as('unit-fzb')).post(`/api/notifications/${unread[1].id}/read`)).statusCode,
    ).toBe(404);
  });
});

describe('opening an item', () => {
  it("reads every notice of the caller's about it, and no one else's", async () => {
    const zjj = await env.as('unit-zjj');
    const unreadAbout = async (who: Caller) =>
      (await who.get('/api/notifications?unread=true'))
        .json()
        .items.filter((n: { subjectId: string }) => n.subjectId === overdueTask).length;
    const officeBefore = await unreadAbout(office);
    const before = await unreadAbout(zjj);
    expect(before).toBeGreaterThan(0);
    const read = await zjj.post('/api/notifications/read', {
      subjectType: 'task',
      subjectId: overdueTask,
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ count: before });
    expect(await unreadAbout(zjj)).toBe(0);
    expect(await unreadAbout(office)).toBe(officeBefore);
    const again = await zjj.post('/api/notifications/read', {
      subjectType: 'task',
      subjectId: overdueTask,
    });
    expect(again.json()).toEqual({ count: 0 });
    const bad = await zjj.post('/api/notifications/read', { subjectType: 'nope', subjectId: 'x' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the sweep in lanes', () => {
  it('two lanes of one-task batches escalate each of 12 overdue tasks once per level, and the chain holds', async () => {
    const codes = ['ga', 'scjg', 'zfw', 'jw', 'jcy', 'fy', 'xcb', 'wgx', 'jy', 'sf', 'mz', 'cz'];
    const order = await office.post('/api/work-orders', {
      title: '多单位逾期事项',
      body: '十二个成员单位同时逾期',
      dueInWorkdays: 1,
      assignments: await Promise.all(
        codes.map(async (code, i) => ({
          unitId: await env.unitId(code),
          role: i === 0 ? 'lead' : 'assist',
        })),
      ),
    });
    expect(order.statusCode).toBe(201);
    const ids: string[] = order.json().tasks.map((t: { id: string }) => t.id);
    env.clock.passTo(await latestTaskInstant(env, ids, 'level3At'));
    const base = { db: env.database.db, clock: env.clock, log: silent };
    const handled = await processDueClocks(base, 1, 1000, 2);
    expect(handled).toBe(12);
    const levels = await env.sql<{ task_id: string; levels: string }>(
      `SELECT task_id, string_agg(reason || ':' || level, ',' ORDER BY reason, level) AS levels
         FROM escalations WHERE task_id = ANY($1::uuid[]) GROUP BY task_id`,
      [ids],
    );
    expect(levels).toHaveLength(12);
    for (const row of levels) expect(row.levels).toBe('unsigned:1,overdue:1,overdue:2,overdue:3');
    expect(await processDueClocks(base, 1, 1000, 2)).toBe(0);
    expect((await office.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });
});

describe('催办 and 督办 by hand', () => {
  it('a supervisor urges a task before it is due: history, notices, audit, and 督办 opens its case', async () => {
    const order = await office.post('/api/work-orders', {
      title: '人工督办测试事项',
      body: '尚未到期即督办',
      dueInWorkdays: 20,
      assignments: [{ unitId: await env.unitId('jxj'), role: 'lead' }],
    });
    const id = order.json().tasks[0].id as string;
    const jxj = await env.as('unit-jxj');
    // only supervisors act so, and only with their words
    expect((await office.post(`/api/tasks/${id}/urge`, { note: '请抓紧' })).statusCode).toBe(403);
    expect((await jxj.post(`/api/tasks/${id}/urge`, { note: '请抓紧' })).statusCode).toBe(403);
    expect((await supervisor.post(`/api/tasks/${id}/urge`, { note: '' })).statusCode).toBe(400);

    const urged = await supervisor.post(`/api/tasks/${id}/urge`, {
      note: '请本周内签收并报告进展',
    });
    expect(urged.statusCode, urged.body).toBe(200);
    expect(urged.json().escalationLevel).toBe(0); // lateness is the clock's alone
    const supervised = await supervisor.post(`/api/tasks/${id}/supervise`, {
      note: '列为督办件，限期办结',
    });
    expect(supervised.statusCode, supervised.body).toBe(200);
    const events = supervised.json().events as {
      action: string;
      note: string;
      actorRole: string;
    }[];
    expect(
      events.filter((e) => e.actorRole === 'supervisor').map((e) => [e.action, e.note]),
    ).toEqual([
      ['urge', '请本周内签收并报告进展'],
      ['supervise', '列为督办件，限期办结'],
    ]);

    const notices = (await jxj.get('/api/notifications?unread=true'))
      .json()
      .items.filter((n: { subjectId: string }) => n.subjectId === id);
    expect(notices.map((n: { kind: string }) => n.kind).sort()).toEqual([
      'task.supervise',
      'task.urge',
    ]);
    const urge = notices.find((n: { kind: string }) => n.kind === 'task.urge');
    expect(urge.title).toBe(`【催办】《人工督办测试事项》（${order.json().serial}）`);
    expect(urge.body).toContain('请本周内签收并报告进展');

    const cases = (await supervisor.get('/api/supervision/cases?status=open')).json().items;
    expect(cases.filter((c: { taskId: string }) => c.taskId === id)).toMatchObject([
      { level: 2, status: 'open' },
    ]);
    const audit = (await office.get(`/api/audit?subjectType=task&subjectId=${id}`)).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['task.urge', 'task.supervise']),
    );
    // 督办 twice keeps one open case
    await supervisor.post(`/api/tasks/${id}/supervise`, { note: '再次督办' });
    const again = (await supervisor.get('/api/supervision/cases?status=open')).json().items;
    expect(again.filter((c: { taskId: string }) => c.taskId === id)).toHaveLength(1);

    // a task the unit no longer owes cannot be urged
    await office.post(`/api/tasks/${id}/withdraw`, { reason: '事项取消' });
    const late = await supervisor.post(`/api/tasks/${id}/urge`, { note: '请抓紧' });
    expect(late.statusCode).toBe(409);
    expect((await office.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });
});
