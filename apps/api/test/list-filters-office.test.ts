import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

// A Wednesday morning in Beijing; the briefings and notices are dated by this clock.
const NOW = '2026-03-04T09:00:00+08:00';
const YEAR = 365 * 24;

let env: TestEnv;
let admin: Caller;
let office: Caller;
let ga: Caller;
let gaId: string;
let jyId: string;

const ids = (r: { json(): { items: { id: string }[] } }) => r.json().items.map((i) => i.id);
const q = (s: string) => encodeURIComponent(s);

async function expect400(caller: Caller, urls: string[]) {
  for (const url of urls) {
    const res = await caller.get(url);
    expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
    expect(res.headers['content-type']).toContain('application/problem+json');
  }
}

beforeAll(async () => {
  env = await createTestEnv({ sessionMaxHours: YEAR, sessionIdleMinutes: YEAR * 60 }, { now: NOW });
  admin = await env.as('admin');
  office = await env.as('office');
  ga = await env.as('unit-ga');
  gaId = await env.unitId('ga');
  jyId = await env.unitId('jy');
});
afterAll(() => env.close());

describe('账号: phone numbers', () => {
  const account = (username: string, phone?: unknown) =>
    admin.post('/api/users', {
      username,
      displayName: '公安联络员',
      role: 'unit',
      unitId: gaId,
      password: 'First#Pass2026',
      ...(phone === undefined ? {} : { phone }),
    });
  const countOf = async (username: string) =>
    (
      await env.sql<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE username = $1', [
        username,
      ])
    )[0].n;

  it('accepts a mobile or a landline with its area code, and refuses anything else unchanged', async () => {
    const mobile = await account('ga-phone-1', ' 13912345678 ');
    expect(mobile.statusCode, mobile.body).toBe(201);
    expect(mobile.json().phone).toBe('13912345678');
    const landline = await account('ga-phone-2', '010-12345678');
    expect(landline.json().phone).toBe('010-12345678');
    expect((await account('ga-phone-3')).json().phone).toBeNull();

    for (const [username, phone] of [
      ['ga-bad-1', '12345'],
      ['ga-bad-2', '1391234567x'],
      ['ga-bad-3', '12012345678'],
      ['ga-bad-4', 12345678901],
    ] as const) {
      const refused = await account(username, phone);
      expect(refused.statusCode, username).toBe(400);
      expect(refused.json().errors.map((e: { field: string }) => e.field)).toContain('body.phone');
      expect(await countOf(username)).toBe(0);
    }
  });

  it('changes, refuses and clears a phone on PATCH, audited', async () => {
    const user = (await account('ga-phone-edit', '13800000001')).json();
    const bad = await admin.patch(`/api/users/${user.id}`, { phone: '0755-12' });
    expect(bad.statusCode).toBe(400);
    const [kept] = await env.sql<{ phone: string }>('SELECT phone FROM users WHERE id = $1', [
      user.id,
    ]);
    expect(kept.phone).toBe('13800000001');

    const changed = await admin.patch(`/api/users/${user.id}`, {
      version: user.version,
      phone: '0755-1234567-801',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ phone: '0755-1234567-801', version: user.version + 1 });
    const [audit] = await env.sql<{ payload: { changes: Record<string, unknown> } }>(
      `SELECT payload FROM audit_log WHERE action = 'user.updated' AND subject_id = $1`,
      [user.id],
    );
    expect(audit.payload.changes.phone).toEqual({ from: '13800000001', to: '0755-1234567-801' });
    const cleared = await admin.patch(`/api/users/${user.id}`, { phone: null });
    expect(cleared.json().phone).toBeNull();
  });
});

describe('账号: the list', () => {
  beforeAll(async () => {
    for (const [username, displayName, phone, unitId] of [
      ['jy-zhang', '张晓燕', '13711112222', jyId],
      ['jy-li', '李建国', '021-66667777', jyId],
      ['ga-wang', '王晓明', '13711113333', gaId],
    ] as const) {
      const res = await admin.post('/api/users', {
        username,
        displayName,
        phone,
        role: 'unit',
        unitId,
        password: 'First#Pass2026',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const li = (await admin.get(`/api/users?q=jy-li&offset=0`)).json().items[0];
    expect((await admin.post(`/api/users/${li.id}/disable`)).statusCode).toBe(200);
  });

  it('finds accounts by username, name or phone, with a total', async () => {
    const byPhone = (await admin.get(`/api/users?q=137111&offset=0`)).json();
    expect(byPhone.total).toBe(2);
    expect(byPhone.items.map((u: { username: string }) => u.username).sort()).toEqual([
      'ga-wang',
      'jy-zhang',
    ]);
    const byLandline = (await admin.get(`/api/users?q=6666&offset=0`)).json();
    expect(byLandline.items.map((u: { username: string }) => u.username)).toEqual(['jy-li']);
    const byName = (await admin.get(`/api/users?q=${q('晓')}&offset=0`)).json();
    expect(byName.total).toBe(2);
    const byUsername = (await admin.get(`/api/users?q=JY-&offset=0`)).json();
    expect(byUsername.total).toBe(2);
  });

  it('narrows by unit, role and status, pages and sorts', async () => {
    const jy = (await admin.get(`/api/users?unitId=${jyId}&offset=0`)).json();
    // the seeded 教育局 liaison and the two above
    expect(jy.total).toBe(3);
    const stopped = (await admin.get(`/api/users?status=disabled&offset=0`)).json();
    expect(stopped.items.map((u: { username: string }) => u.username)).toEqual(['jy-li']);
    const active = (await admin.get(`/api/users?unitId=${jyId}&status=active&offset=0`)).json();
    expect(active.total).toBe(2);
    const supervisors = (await admin.get('/api/users?role=supervisor&offset=0')).json();
    expect(supervisors.items.map((u: { username: string }) => u.username)).toEqual(['supervisor']);

    const everyone = (await admin.get('/api/users?offset=0&limit=200')).json().total as number;
    const pages = [];
    for (let offset = 0; offset < everyone; offset += 7) {
      pages.push(
        ...(await admin.get(`/api/users?sort=username&offset=${offset}&limit=7`)).json().items,
      );
    }
    const names = pages.map((u: { username: string }) => u.username);
    expect(names).toHaveLength(everyone);
    expect(names).toEqual([...names].sort());
    const last = (await admin.get('/api/users?sort=-username&offset=0&limit=1')).json();
    expect(last.items[0].username).toBe(names[names.length - 1]);
    // by cursor, as before: newest first, no total counted
    const cursor = (await admin.get('/api/users?limit=2')).json();
    expect(cursor.items).toHaveLength(2);
    expect(cursor.total).toBeUndefined();
    expect(typeof cursor.nextCursor).toBe('string');
  });

  it('answers bad filters with 400 and other roles with 403', async () => {
    await expect400(admin, [
      '/api/users?status=gone',
      '/api/users?role=king',
      '/api/users?unitId=ga',
      '/api/users?sort=phone',
      '/api/users?offset=-1',
      '/api/users?offset=0&cursor=abc',
      `/api/users?q=${q('a\u0007b')}`,
    ]);
    expect((await office.get('/api/users?q=jy')).statusCode).toBe(403);
  });
});

describe('通知: the inbox', () => {
  let issuedIds: string[];

  beforeAll(async () => {
    issuedIds = [];
    for (const title of ['清查出租屋传销窝点', '第二批校园宣传', '核查养生会所']) {
      const order = await office.post('/api/work-orders', {
        title,
        body: '请按期办理。',
        dueInWorkdays: 10,
        assignments: [{ unitId: gaId, role: 'lead' }],
      });
      expect(order.statusCode, order.body).toBe(201);
      issuedIds.push(order.json().id);
    }
    // a deadline in a year not yet imported: the office is told to import it (about no item)
    const provisional = await office.post('/api/work-orders', {
      title: '跨年度专项整治',
      body: '请按期办理。',
      dueAt: '2027-06-30T17:00:00+08:00',
      assignments: [{ unitId: jyId, role: 'lead' }],
    });
    expect(provisional.statusCode, provisional.body).toBe(201);
  });

  it('finds notices by words, what they are about and their day, with a total', async () => {
    const all = (await ga.get('/api/notifications?offset=0')).json();
    expect(all.total).toBe(3);
    const byWords = await ga.get(`/api/notifications?q=${q('校园宣传')}&offset=0`);
    expect(byWords.json().total).toBe(1);
    expect(byWords.json().items[0].body).toContain('第二批校园宣传');
    const orders = await ga.get('/api/notifications?subjectType=work_order&offset=0');
    expect(orders.json().total).toBe(3);
    expect((await ga.get('/api/notifications?subjectType=task&offset=0')).json().total).toBe(0);
    const other = (await office.get('/api/notifications?subjectType=other&offset=0')).json();
    expect(other.items.map((n: { title: string }) => n.title)).toEqual(['请导入 2027 年工作日历']);
    const today = await ga.get('/api/notifications?from=2026-03-04&to=2026-03-04&offset=0');
    expect(today.json().total).toBe(3);
    expect((await ga.get('/api/notifications?from=2026-03-05&offset=0')).json().total).toBe(0);
    // nobody's search reaches another's inbox
    expect((await office.get(`/api/notifications?q=${q('校园宣传')}&offset=0`)).json().total).toBe(
      0,
    );
  });

  it('tells read from unread, and 全部标为已读 reads what the search finds on every page', async () => {
    const first = (await ga.get('/api/notifications?limit=1&offset=0')).json();
    expect(first).toMatchObject({ total: 3, nextCursor: null });
    expect(first.items).toHaveLength(1);
    const raid = (await ga.get(`/api/notifications?q=${q('出租屋')}&offset=0`)).json().items[0];
    expect((await ga.post(`/api/notifications/${raid.id}/read`)).statusCode).toBe(200);
    expect((await ga.get('/api/notifications?status=read&offset=0')).json().total).toBe(1);
    expect((await ga.get('/api/notifications?status=unread&offset=0')).json().total).toBe(2);
    // the older clients' `unread=true` still means the same
    expect(ids(await ga.get('/api/notifications?unread=true'))).toHaveLength(2);

    const some = await ga.post('/api/notifications/read-all', { q: '养生会所' });
    expect(some.json()).toEqual({ count: 1 });
    expect((await ga.get('/api/notifications/unread-count')).json().count).toBe(1);
    const rest = await ga.post('/api/notifications/read-all', {});
    expect(rest.json()).toEqual({ count: 1 });
    expect((await ga.get('/api/notifications/unread-count')).json().count).toBe(0);
    // the office's own notices were not touched
    expect((await office.get('/api/notifications/unread-count')).json().count).toBeGreaterThan(0);
  });

  it('answers bad filters with 400, changing nothing', async () => {
    await expect400(ga, [
      '/api/notifications?status=maybe',
      '/api/notifications?subjectType=letterbox',
      '/api/notifications?from=2026-02-30',
      '/api/notifications?from=2026-03-05&to=2026-03-01',
      '/api/notifications?sort=title',
      '/api/notifications?unread=yes',
    ]);
    const before = (await office.get('/api/notifications/unread-count')).json().count;
    const refused = await office.post('/api/notifications/read-all', {
      from: '2026-03-05',
      to: '2026-03-01',
    });
    expect(refused.statusCode).toBe(400);
    expect(
      (await office.post('/api/notifications/read-all', { subjectType: 'x' })).statusCode,
    ).toBe(400);
    expect((await office.get('/api/notifications/unread-count')).json().count).toBe(before);
  });
});

describe('简报: the list', () => {
  let b1: string;
  let b2: string;
  let b3: string;

  beforeAll(async () => {
    const compose = async (from: string, to: string) => {
      const res = await office.post('/api/briefings', { from, to });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number; sections: Record<string, unknown> };
    };
    const first = await compose('2026-01-01', '2026-01-31');
    const second = await compose('2026-02-01', '2026-02-28');
    // the third issue is composed a few days later
    env.clock.set('2026-03-10T10:00:00+08:00');
    const third = await compose('2026-03-01', '2026-03-09');
    [b1, b2, b3] = [first.id, second.id, third.id];
    const edited = await office.patch(`/api/briefings/${b2}`, {
      version: second.version,
      sections: { ...second.sections, headline: '春季校园防范宣传专刊' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await office.post(`/api/briefings/${b1}/publish`)).statusCode).toBe(200);
  });

  it('finds issues by number, headline, status, issue day and period', async () => {
    expect(ids(await office.get(`/api/briefings?q=${q('第2期')}&offset=0`))).toEqual([b2]);
    expect(ids(await office.get(`/api/briefings?q=${q('2026年第3期')}&offset=0`))).toEqual([b3]);
    expect(ids(await office.get(`/api/briefings?q=${q('校园防范')}&offset=0`))).toEqual([b2]);
    const drafts = (await office.get('/api/briefings?status=draft&offset=0')).json();
    expect(drafts.total).toBe(2);
    const laterIssue = await office.get('/api/briefings?issuedFrom=2026-03-05&offset=0');
    expect(ids(laterIssue)).toEqual([b3]);
    const earlierIssue = await office.get('/api/briefings?issuedTo=2026-03-04&offset=0');
    expect(earlierIssue.json().total).toBe(2);
    // a period overlapping the days asked for
    expect(ids(await office.get('/api/briefings?from=2026-02-15&to=2026-02-20&offset=0'))).toEqual([
      b2,
    ]);
    const spanning = await office.get('/api/briefings?from=2026-01-20&to=2026-02-05&offset=0');
    expect(spanning.json().total).toBe(2);
  });

  it('sorts by issue and pages with a total', async () => {
    expect(ids(await office.get('/api/briefings?sort=issueNo&offset=0'))).toEqual([b1, b2, b3]);
    const page = (await office.get('/api/briefings?sort=-issueNo&offset=1&limit=1')).json();
    expect(page).toMatchObject({ total: 3 });
    expect(page.items.map((b: { id: string }) => b.id)).toEqual([b2]);
    expect(ids(await office.get('/api/briefings?sort=-period&offset=0'))).toEqual([b3, b2, b1]);
  });

  it('shows units only what was published, whatever they search for', async () => {
    expect((await ga.get('/api/briefings?offset=0')).json()).toMatchObject({ total: 1 });
    expect((await ga.get('/api/briefings?status=draft&offset=0')).json().total).toBe(0);
    expect((await ga.get(`/api/briefings?q=${q('校园防范')}&offset=0`)).json().total).toBe(0);
  });

  it('answers bad filters with 400', async () => {
    await expect400(office, [
      '/api/briefings?status=archived',
      '/api/briefings?issuedFrom=2026-13-01',
      '/api/briefings?issuedFrom=2026-03-10&issuedTo=2026-03-01',
      '/api/briefings?from=2026-03-10&to=2026-03-01',
      '/api/briefings?sort=title',
      '/api/briefings?offset=0&cursor=abc',
    ]);
  });
});
