import { processDueClocks } from '@lianxi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskInstants } from '../../../test/support/deadlines.js';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';
import { silent } from '../../../test/support/wait.js';

// A Wednesday morning in Beijing, so the orders' due days are plain workdays.
const NOW = '2026-03-04T09:00:00+08:00';

let env: TestEnv;
let office: Caller;
let ga: Caller;
let gaId: string;
let jyId: string;
let overdueTask: string;

const ids = (r: { json(): { items: { id: string }[] } }) => r.json().items.map((i) => i.id);

async function issue(title: string, unitId: string, dueInWorkdays: number) {
  const order = await office.post('/api/work-orders', {
    title,
    body: '请按期办理。',
    dueInWorkdays,
    assignments: [{ unitId, role: 'lead' }],
  });
  expect(order.statusCode).toBe(201);
  // signed for at once, so only the order left late climbs the ladder
  const unit = unitId === gaId ? ga : await env.as('unit-jy');
  await unit.post(`/api/tasks/${order.json().tasks[0].id}/accept`, {});
  return order.json() as { id: string; serial: string; tasks: { id: string }[] };
}

beforeAll(async () => {
  env = await createTestEnv({ sessionMaxHours: 24 * 365 }, { now: NOW });
  office = await env.as('office');
  ga = await env.as('unit-ga');
  gaId = await env.unitId('ga');
  jyId = await env.unitId('jy');
  const late = await issue('清查出租屋传销窝点', gaId, 1);
  overdueTask = late.tasks[0].id;
  for (let i = 1; i <= 4; i++) await issue(`校园宣传第${i}批`, jyId, 20 + i);
  await issue('公安按期事项', gaId, 30);
  env.clock.passTo((await taskInstants(env, overdueTask)).level1At);
  await processDueClocks({ db: env.database.db, clock: env.clock, log: silent });
});
afterAll(() => env.close());

describe('task list filters', () => {
  it('narrows by keyword, unit, level and due day, and counts the total', async () => {
    const byKeyword = await office.get(`/api/tasks?q=${encodeURIComponent('校园宣传')}&offset=0`);
    expect(byKeyword.json()).toMatchObject({ total: 4, nextCursor: null });
    const byUnit = await office.get(`/api/tasks?unitId=${gaId}&offset=0`);
    expect(byUnit.json().total).toBe(2);
    const yellow = await office.get('/api/tasks?level=1&offset=0');
    expect(ids(yellow)).toEqual([overdueTask]);
    expect(yellow.json().total).toBe(1);
    // the 催办 names the order, the unit that owes it and what happened
    const [notice] = await env.sql<{ title: string; body: string }>(
      `SELECT title, body FROM notifications WHERE subject_id = $1 AND kind = 'task.level1' LIMIT 1`,
      [overdueTask],
    );
    expect(notice.title).toMatch(/^【催办】《清查出租屋传销窝点》（.+）已逾期$/);
    expect(notice.body).toContain('承办单位：区公安分局');
    // the same filter by cursor, as scripts page: no total is counted
    const cursorPaged = await office.get('/api/tasks?level=1');
    expect(ids(cursorPaged)).toEqual([overdueTask]);
    expect(cursorPaged.json().total).toBeUndefined();
    const due = (await office.get(`/api/tasks/${overdueTask}`)).json().dueAt as string;
    const day = new Date(new Date(due).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const onDay = await office.get(`/api/tasks?dueFrom=${day}&dueTo=${day}&offset=0`);
    expect(ids(onDay)).toEqual([overdueTask]);
  });

  it('pages by number and sorts by due date and level', async () => {
    const first = (await office.get('/api/tasks?offset=0&limit=2&sort=dueAt')).json();
    const second = (await office.get('/api/tasks?offset=2&limit=2&sort=dueAt')).json();
    const last = (await office.get('/api/tasks?offset=4&limit=2&sort=dueAt')).json();
    expect(first.total).toBe(6);
    expect([first.items, second.items, last.items].map((p) => p.length)).toEqual([2, 2, 2]);
    const all = [...first.items, ...second.items, ...last.items];
    expect(new Set(all.map((t: { id: string }) => t.id)).size).toBe(6);
    const dues = all.map((t: { dueAt: string }) => t.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect(first.items[0].id).toBe(overdueTask);
    const worst = (await office.get('/api/tasks?offset=0&limit=1&sort=-level')).json();
    expect(worst.items[0].id).toBe(overdueTask);
  });

  it("never lets a unit's filters reach another unit's rows", async () => {
    const own = await ga.get(`/api/tasks?unitId=${jyId}&offset=0`);
    expect(own.json()).toMatchObject({ items: [], total: 0 });
    const keyword = await ga.get(`/api/tasks?q=${encodeURIComponent('校园')}&offset=0`);
    expect(keyword.json().total).toBe(0);
    const mine = await ga.get('/api/tasks?offset=0');
    expect(mine.json().total).toBe(2);
    const orders = await ga.get(`/api/work-orders?unitId=${jyId}&offset=0`);
    expect(orders.json().total).toBe(0);
  });

  it('answers bad filter values with 400, never 500', async () => {
    for (const url of [
      '/api/tasks?status=lost',
      '/api/tasks?level=7',
      '/api/tasks?dueFrom=2026-02-30',
      '/api/tasks?dueFrom=yesterday',
      '/api/tasks?dueFrom=2026-05-01&dueTo=2026-04-01',
      '/api/tasks?offset=-1',
      '/api/tasks?offset=0&cursor=abc',
      '/api/tasks?sort=title',
      '/api/tasks?sort=dueAt&cursor=abc',
      '/api/tasks?unitId=not-a-uuid',
      `/api/tasks?q=${encodeURIComponent('a\u0001b')}`,
      '/api/work-orders?status=lost',
      '/api/clues?channel=fax',
      '/api/handoffs?box=out&kind=gift',
      '/api/supervision/cases?level=9',
    ]) {
      const res = await office.get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('the list conventions in the API documentation', () => {
  it('lists each filter and the paging fields as query parameters', async () => {
    const doc = (await env.app.inject('/docs/json')).json();
    const names = (path: string) =>
      doc.paths[path].get.parameters.map((p: { name: string }) => p.name);
    expect(names('/api/tasks')).toEqual(
      expect.arrayContaining(['q', 'unitId', 'level', 'dueFrom', 'offset', 'sort', 'cursor']),
    );
    expect(names('/api/clues')).toEqual(expect.arrayContaining(['channel', 'township']));
  });
});

describe('work order, clue, hand-off and case filters', () => {
  it('finds work orders by keyword, unit and status, with a total', async () => {
    const q = await office.get(`/api/work-orders?q=${encodeURIComponent('第3批')}&offset=0`);
    expect(q.json().total).toBe(1);
    expect((await office.get(`/api/work-orders?unitId=${jyId}&offset=0`)).json().total).toBe(4);
    const paged = (await office.get('/api/work-orders?offset=4&limit=4')).json();
    expect(paged).toMatchObject({ total: 6 });
    expect(paged.items).toHaveLength(2);
    const byDue = (await office.get('/api/work-orders?sort=-dueAt&limit=1')).json();
    expect(byDue.items[0].title).toBe('公安按期事项');
  });

  it('finds clues by subject, channel and township, and hand-offs by unit and kind', async () => {
    const clue = (name: string, channel: string, township: string) =>
      office.post('/api/clues', {
        channel,
        subject: { name },
        township,
        category: 'online',
        description: '以“消费返利”为名发展下线。',
      });
    const a = (await clue('鑫盛商贸有限公司', 'hotline', '红星街道')).json();
    await clue('华宇健康咨询', 'online', '东风镇');
    await clue('万家福养生馆', 'petition', '东风镇');
    const bySubject = await office.get(`/api/clues?q=${encodeURIComponent('鑫盛')}&offset=0`);
    expect(ids(bySubject)).toEqual([a.id]);
    const bySerial = await office.get(`/api/clues?q=${encodeURIComponent(a.serial)}&offset=0`);
    expect(ids(bySerial)).toEqual([a.id]);
    const town = await office.get(`/api/clues?township=${encodeURIComponent('东风')}&offset=0`);
    expect(town.json().total).toBe(2);
    const channel = await office.get('/api/clues?channel=petition&township=东风镇&offset=0');
    expect(channel.json().total).toBe(1);
    // a wildcard typed by a clerk is a letter, not "anything"
    expect((await office.get('/api/clues?q=%25&offset=0')).json().total).toBe(0);

    const sent = await office.post(`/api/clues/${a.id}/handoffs`, {
      toUnitId: gaId,
      kind: 'criminal_referral',
      reason: '涉嫌组织、领导传销活动罪',
    });
    expect(sent.statusCode).toBe(201);
    const out = await office.get(`/api/handoffs?box=out&unitId=${gaId}&offset=0`);
    expect(out.json().total).toBe(1);
    expect((await office.get(`/api/handoffs?box=out&unitId=${jyId}&offset=0`)).json().total).toBe(
      0,
    );
    expect((await office.get('/api/handoffs?box=out&kind=transfer&offset=0')).json().total).toBe(0);
    const inbox = await ga.get(
      `/api/handoffs?box=in&q=${encodeURIComponent('鑫盛')}&status=sent&offset=0`,
    );
    expect(inbox.json().total).toBe(1);
    // the unit's clue list holds only what was handed to it, whatever it searches for
    expect((await ga.get(`/api/clues?q=${encodeURIComponent('华宇')}&offset=0`)).json().total).toBe(
      0,
    );
    expect((await ga.get('/api/clues?offset=0')).json().total).toBe(1);
  });

  it('finds supervision cases by unit and level', async () => {
    env.clock.passTo((await taskInstants(env, overdueTask)).level2At);
    await processDueClocks({ db: env.database.db, clock: env.clock, log: silent });
    const supervisor = await env.as('supervisor');
    const cases = await supervisor.get(`/api/supervision/cases?unitId=${gaId}&level=2&offset=0`);
    expect(cases.json().total).toBe(1);
    expect(cases.json().items[0].taskId).toBe(overdueTask);
    const none = await supervisor.get(`/api/supervision/cases?unitId=${jyId}&offset=0`);
    expect(none.json()).toMatchObject({ items: [], total: 0 });
  });
});
