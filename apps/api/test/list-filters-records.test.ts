import { zeroFigures } from '@lianxi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

// Wednesday 4 March 2026 in Beijing: "next year" is 2027, and the 20 March meeting is ahead.
const NOW = '2026-03-04T09:00:00+08:00';

let env: TestEnv;
let office: Caller;
let ga: Caller;
let unitIds: Record<'ga' | 'jy' | 'zjj', string>;
const meetingIds: Record<string, string> = {};
const letterIds: Record<string, string> = {};
const reportIds: Record<string, string> = {};

type Listed = { json(): { items: { id: string }[]; total?: number; nextCursor: string | null } };
const ids = (r: Listed) => r.json().items.map((i) => i.id);
const q = (s: string) => encodeURIComponent(s);

const ZERO = zeroFigures();

async function created(res: Promise<{ statusCode: number; body: string }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return JSON.parse(r.body) as { id: string };
}

async function meeting(key: string, kind: string, title: string, heldAt: string, place: string) {
  meetingIds[key] = (
    await created(office.post('/api/meetings', { kind, title, heldAt, place }))
  ).id;
}

async function letter(key: string, unit: keyof typeof unitIds, year: number, title: string) {
  letterIds[key] = (
    await created(
      office.post('/api/letters', {
        year,
        unitId: unitIds[unit],
        title,
        indicators: [{ kind: 'manual', name: '综合评价', points: 100 }],
      }),
    )
  ).id;
}

async function report(key: string, unit: keyof typeof unitIds, month: string, submit: boolean) {
  reportIds[key] = (
    await created(
      office.post('/api/stat-reports', { unitId: unitIds[unit], month, figures: ZERO, submit }),
    )
  ).id;
}

beforeAll(async () => {
  env = await createTestEnv({ sessionMaxHours: 24 * 365 }, { now: NOW });
  office = await env.as('office');
  ga = await env.as('unit-ga');
  unitIds = {
    ga: await env.unitId('ga'),
    jy: await env.unitId('jy'),
    zjj: await env.unitId('zjj'),
  };

  await meeting(
    'q4',
    'plenary',
    '2025年第四季度打击传销联席会议',
    '2025-12-18T09:30:00+08:00',
    '区政府三楼会议室',
  );
  await meeting(
    'q1',
    'plenary',
    '2026年第一季度打击传销联席会议',
    '2026-01-15T09:30:00+08:00',
    '区政府三楼会议室',
  );
  await meeting(
    'campus',
    'special',
    '校园防范传销专题会议',
    '2026-02-20T14:30:00+08:00',
    '区教育局二楼会议室',
  );
  await meeting(
    'march',
    'regular',
    '2026年3月例会',
    '2026-03-20T09:00:00+08:00',
    '区政府五楼小会议室',
  );
  for (const text of ['开展校园宣传周活动', '排查校外培训机构', '建立家校联络机制'])
    await created(office.post(`/api/meetings/${meetingIds.campus}/resolutions`, { text }));
  await created(
    office.post(`/api/meetings/${meetingIds.q1}/resolutions`, { text: '集中清查出租屋' }),
  );

  await letter('ga26', 'ga', 2026, '2026年度打击传销工作责任书（公安）');
  await letter('jy26', 'jy', 2026, '2026年度防范传销进校园责任书');
  await letter('zjj26', 'zjj', 2026, '2026年度出租房屋排查责任书');
  await letter('ga25', 'ga', 2025, '2025年度打击传销工作责任书（公安）');
  for (const key of ['ga26', 'jy26', 'ga25'])
    await created(office.post(`/api/letters/${letterIds[key]}/issue`, {}));
  await created(ga.post(`/api/letters/${letterIds.ga26}/sign`, {}));

  await report('ga01', 'ga', '2026-01', true);
  await report('ga02', 'ga', '2026-02', true);
  await report('jy01', 'jy', '2026-01', true);
  await report('jy02', 'jy', '2026-02', false);
  await report('zjj12', 'zjj', '2025-12', true);
  await created(office.post(`/api/stat-reports/${reportIds.ga01}/approve`, {}));
  await created(
    office.post(`/api/stat-reports/${reportIds.jy01}/return`, { reason: '宣传场次与台账不符' }),
  );
}, 120_000);
afterAll(() => env.close());

describe('meeting list', () => {
  it('finds meetings by keyword over title and place, kind, held or not, and held day', async () => {
    const byTitle = await office.get(`/api/meetings?q=${q('校园')}&offset=0`);
    expect(ids(byTitle)).toEqual([meetingIds.campus]);
    expect(byTitle.json().total).toBe(1);
    const byPlace = await office.get(`/api/meetings?q=${q('三楼')}&offset=0`);
    expect(ids(byPlace)).toEqual([meetingIds.q1, meetingIds.q4]);
    expect(ids(await office.get('/api/meetings?kind=plenary&offset=0'))).toEqual([
      meetingIds.q1,
      meetingIds.q4,
    ]);
    const upcoming = await office.get('/api/meetings?status=upcoming&offset=0');
    expect(ids(upcoming)).toEqual([meetingIds.march]);
    expect((await office.get('/api/meetings?status=held&offset=0')).json().total).toBe(3);
    // Beijing days, both ends included: 15 January to 20 February
    const days = await office.get('/api/meetings?from=2026-01-15&to=2026-02-20&offset=0');
    expect(ids(days)).toEqual([meetingIds.campus, meetingIds.q1]);
  });

  it('pages by number with a total, sorts by date or by resolutions, and still pages by cursor', async () => {
    const first = (await office.get('/api/meetings?offset=0&limit=3&sort=heldAt')).json();
    const second = (await office.get('/api/meetings?offset=3&limit=3&sort=heldAt')).json();
    expect(first.total).toBe(4);
    expect([...first.items, ...second.items].map((m: { id: string }) => m.id)).toEqual([
      meetingIds.q4,
      meetingIds.q1,
      meetingIds.campus,
      meetingIds.march,
    ]);
    const most = (await office.get('/api/meetings?offset=0&limit=2&sort=-resolutions')).json();
    expect(most.items.map((m: { resolutionCount: number }) => m.resolutionCount)).toEqual([3, 1]);
    const page1 = await office.get('/api/meetings?limit=2');
    expect(page1.json().total).toBeUndefined();
    expect(ids(page1)).toEqual([meetingIds.march, meetingIds.campus]);
    const page2 = await office.get(`/api/meetings?limit=2&cursor=${page1.json().nextCursor}`);
    expect(ids(page2)).toEqual([meetingIds.q1, meetingIds.q4]);
  });
});

describe('responsibility letter list', () => {
  it('finds letters by keyword over title and unit, unit, year and status', async () => {
    expect(ids(await office.get(`/api/letters?q=${q('进校园')}&offset=0`))).toEqual([
      letterIds.jy26,
    ]);
    // the unit's name is not in the letter's title
    expect(ids(await office.get(`/api/letters?q=${q('住房')}&offset=0`))).toEqual([
      letterIds.zjj26,
    ]);
    const gaAll = await office.get(`/api/letters?unitId=${unitIds.ga}&sort=-year&offset=0`);
    expect(ids(gaAll)).toEqual([letterIds.ga26, letterIds.ga25]);
    expect((await office.get('/api/letters?year=2026&offset=0')).json().total).toBe(3);
    expect(ids(await office.get('/api/letters?status=signed&offset=0'))).toEqual([letterIds.ga26]);
    expect(ids(await office.get('/api/letters?year=2026&status=draft&offset=0'))).toEqual([
      letterIds.zjj26,
    ]);
    const byYear = (await office.get('/api/letters?sort=year&limit=1&offset=0')).json();
    expect(byYear).toMatchObject({ total: 4, nextCursor: null });
    expect(byYear.items[0].id).toBe(letterIds.ga25);
  });

  it("keeps a unit's filters inside its own issued letters", async () => {
    expect((await ga.get(`/api/letters?unitId=${unitIds.jy}&offset=0`)).json()).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await ga.get(`/api/letters?q=${q('责任书')}&offset=0`)).json().total).toBe(2);
    // the draft for 住建 is the office's own: not even its count leaks
    expect((await ga.get('/api/letters?status=draft&offset=0')).json().total).toBe(0);
  });
});

describe('stat report list', () => {
  it('finds reports by unit, month range and status, 已退回 among the drafts', async () => {
    const jan = await office.get('/api/stat-reports?from=2026-01&to=2026-01&offset=0');
    expect(new Set(ids(jan))).toEqual(new Set([reportIds.ga01, reportIds.jy01]));
    expect(jan.json().total).toBe(2);
    const since = await office.get('/api/stat-reports?from=2026-01&sort=-month&offset=0');
    expect(since.json().total).toBe(4);
    const until = await office.get('/api/stat-reports?to=2025-12&offset=0');
    expect(ids(until)).toEqual([reportIds.zjj12]);
    expect(ids(await office.get('/api/stat-reports?status=returned&offset=0'))).toEqual([
      reportIds.jy01,
    ]);
    const drafts = await office.get('/api/stat-reports?status=draft&sort=month&offset=0');
    expect(ids(drafts)).toEqual([reportIds.jy01, reportIds.jy02]);
    expect(ids(await office.get('/api/stat-reports?status=approved&offset=0'))).toEqual([
      reportIds.ga01,
    ]);
    const gaSubmitted = await office.get(
      `/api/stat-reports?unitId=${unitIds.ga}&status=submitted&offset=0`,
    );
    expect(ids(gaSubmitted)).toEqual([reportIds.ga02]);
    // the one-month filter earlier clients send still works
    expect((await office.get('/api/stat-reports?month=2026-02&offset=0')).json().total).toBe(2);
  });

  it('sorts by month and pages by number with a total', async () => {
    const first = (await office.get('/api/stat-reports?sort=month&limit=2&offset=0')).json();
    const rest = (await office.get('/api/stat-reports?sort=month&limit=2&offset=2')).json();
    const last = (await office.get('/api/stat-reports?sort=month&limit=2&offset=4')).json();
    expect(first.total).toBe(5);
    const months = [...first.items, ...rest.items, ...last.items].map(
      (r: { month: string }) => r.month,
    );
    expect(months).toEqual(['2025-12', '2026-01', '2026-01', '2026-02', '2026-02']);
  });

  it("keeps a unit's filters inside its own reports", async () => {
    expect((await ga.get(`/api/stat-reports?unitId=${unitIds.jy}&offset=0`)).json()).toMatchObject({
      items: [],
      total: 0,
    });
    expect((await ga.get('/api/stat-reports?status=returned&offset=0')).json().total).toBe(0);
    expect(ids(await ga.get('/api/stat-reports?sort=-month&offset=0'))).toEqual([
      reportIds.ga02,
      reportIds.ga01,
    ]);
  });
});

describe('bad list queries', () => {
  it('are a 400 problem, naming the field, never a 500', async () => {
    const cases: [string, string][] = [
      ['/api/stat-reports?from=1999-12', 'querystring.from'],
      ['/api/stat-reports?to=2028-01', 'querystring.to'],
      ['/api/stat-reports?month=1999-12', 'querystring.month'],
      ['/api/stat-reports?from=2026-13', 'querystring.from'],
      ['/api/stat-reports?from=2026-03&to=2026-01', 'querystring.from'],
      ['/api/stat-reports?status=lost', 'querystring.status'],
      ['/api/stat-reports?sort=unitId', 'querystring.sort'],
      ['/api/stat-reports?offset=0&cursor=abc', 'querystring.offset'],
      ['/api/meetings?sort=title', 'querystring.sort'],
      ['/api/meetings?offset=0&cursor=abc', 'querystring.offset'],
      ['/api/meetings?from=2026-02-30', 'querystring.from'],
      ['/api/meetings?from=2026-03-01&to=2026-02-01', 'querystring.from'],
      ['/api/meetings?status=cancelled', 'querystring.status'],
      [`/api/meetings?q=${q('会\u0001议')}`, 'querystring.q'],
      ['/api/letters?sort=score', 'querystring.sort'],
      ['/api/letters?offset=0&cursor=abc', 'querystring.offset'],
      ['/api/letters?sort=year&cursor=abc', 'querystring.sort'],
      ['/api/letters?year=1999', 'querystring.year'],
      ['/api/letters?year=2028', 'querystring.year'],
      ['/api/letters?unitId=not-a-uuid', 'querystring.unitId'],
    ];
    for (const [url, field] of cases) {
      const res = await office.get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
      expect(res.headers['content-type']).toContain('application/problem+json');
      const fields = (res.json().errors ?? []).map((e: { field: string }) => e.field);
      expect({ url, fields }).toEqual({ url, fields: expect.arrayContaining([field]) });
    }
    // next year is the last that may be asked for
    expect((await office.get('/api/stat-reports?to=2027-12&offset=0')).statusCode).toBe(200);
    expect((await office.get('/api/letters?year=2027&offset=0')).statusCode).toBe(200);
  });

  it('documents the filters and paging fields', async () => {
    const doc = (await env.app.inject('/docs/json')).json();
    const names = (path: string) =>
      doc.paths[path].get.parameters.map((p: { name: string }) => p.name);
    expect(names('/api/meetings')).toEqual(
      expect.arrayContaining(['q', 'kind', 'status', 'from', 'to', 'offset', 'sort', 'cursor']),
    );
    expect(names('/api/letters')).toEqual(
      expect.arrayContaining(['q', 'unitId', 'year', 'status', 'offset', 'sort']),
    );
    expect(names('/api/stat-reports')).toEqual(
      expect.arrayContaining(['unitId', 'status', 'from', 'to', 'offset', 'sort']),
    );
  });
});
