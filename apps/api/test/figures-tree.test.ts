import { hashPassword } from '@lianxi/core';
import { addFigures, type Figures, zeroFigures } from '@lianxi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBelow, openCity, passwordOf } from '../../../test/support/conference-tree.js';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

// a Monday morning in Beijing, early in March: January and February are filed and approved
const NOW = '2026-03-02T01:00:00Z';
const PASSWORD = 'City#Figures2026';

const figures = (f: Partial<Figures>): Figures => ({ ...zeroFigures(), ...f });
const add = (...all: Figures[]) => all.reduce(addFigures, zeroFigures());

// what each place's units file; only approved reports count
const CITY_JAN = figures({ operations: 2, densRaided: 1, policeAlerts: 3 });
const EAST_JAN = figures({ operations: 10, densRaided: 20, peopleRescued: 30, policeAlerts: 40 });
const EAST_FEB = figures({ operations: 5, densRaided: 6, peopleRepatriated: 7, policeAlerts: 8 });
const WEST_JAN = figures({
  operations: 100,
  criminalDetentions: 9,
  adminCases: 4,
  policeAlerts: 60,
});
const WEST_FEB_UNAPPROVED = figures({ operations: 1000 });
const TOWNSHIP_FEB = figures({ operations: 3, prosecutions: 2, policeAlerts: 1 });
const SEEDED_JAN = figures({ operations: 7777 });

interface Created {
  conference: { id: string; name: string };
  accounts: { username: string; role: string; password: string }[];
}

let env: TestEnv;
let cityOffice: Caller;
let east: Created;
let west: Created;
let township: Created;
let eastOffice: Caller;
let cityId: string;

/** A unit account for the unit `code` of a conference, made by hand as its administrator would. */
async function unitUser(conferenceId: string, code: string, username: string) {
  await env.sql(
    `INSERT INTO users (conference_id, unit_id, username, display_name, role, password_hash, must_change_password)
     SELECT $1, id, $3, $3, 'unit', $4, false FROM units WHERE conference_id = $1 AND code = $2`,
    [conferenceId, code, username, await hashPassword(PASSWORD)],
  );
  return env.as(username, PASSWORD);
}

/** The unit files and submits the month; its office approves it unless told not to. */
async function fileMonth(unit: Caller, office: Caller, month: string, f: Figures, approve = true) {
  const res = await unit.post('/api/stat-reports', { month, figures: f, submit: true });
  expect(res.statusCode, res.body).toBe(201);
  if (!approve) return;
  const approved = await office.post(`/api/stat-reports/${res.json().id}/approve`);
  expect(approved.statusCode, approved.body).toBe(200);
}

beforeAll(async () => {
  env = await createTestEnv({}, { now: NOW });
  // the city's conference, with one unit of its own
  cityId = await openCity(
    env,
    PASSWORD,
    [
      ['fig-city-admin', '市系统管理员', 'admin'],
      ['fig-city-office', '市打传办值班员', 'office'],
      ['fig-city-leader', '市领导', 'leader'],
    ],
    { code: 'ga', name: '市公安局' },
  );
  const cityAdmin = await env.as('fig-city-admin', PASSWORD);
  cityOffice = await env.as('fig-city-office', PASSWORD);
  const open = (caller: Caller, code: string, name: string) =>
    openBelow<Created>(caller, code, name, 'fig-');
  east = await open(cityAdmin, '360102', '东湖区');
  west = await open(cityAdmin, '360103', '西湖区');
  // a street below 东湖区: its figures count in 东湖区's and in the city's, once each
  const eastAdmin = await env.as('fig-360102-admin', passwordOf(east, 'admin'));
  township = await open(eastAdmin, '360102001', '公园街道');

  eastOffice = await env.as('fig-360102-office', passwordOf(east, 'office'));
  const westOffice = await env.as('fig-360103-office', passwordOf(west, 'office'));
  const townOffice = await env.as('fig-360102001-office', passwordOf(township, 'office'));

  await fileMonth(await unitUser(cityId, 'ga', 'fig-city-ga'), cityOffice, '2026-01', CITY_JAN);
  const eastGa = await unitUser(east.conference.id, 'ga', 'fig-east-ga');
  await fileMonth(eastGa, eastOffice, '2026-01', EAST_JAN);
  await fileMonth(eastGa, eastOffice, '2026-02', EAST_FEB);
  const westGa = await unitUser(west.conference.id, 'ga', 'fig-west-ga');
  await fileMonth(westGa, westOffice, '2026-01', WEST_JAN);
  await fileMonth(westGa, westOffice, '2026-02', WEST_FEB_UNAPPROVED, false);
  const townGa = await unitUser(township.conference.id, 'ga', 'fig-town-ga');
  await fileMonth(townGa, townOffice, '2026-02', TOWNSHIP_FEB);
  // the seeded district is not the city's: its figures never reach the city
  await fileMonth(await env.as('unit-ga'), await env.as('office'), '2026-01', SEEDED_JAN);
});
afterAll(() => env.close());

const PERIOD = 'from=2026-01&to=2026-02';

describe('figures over the conference tree', () => {
  it('the city’s tree summary sums its own units and every district, each approved report once', async () => {
    const res = await cityOffice.get(`/api/stats/summary?${PERIOD}&scope=tree`);
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    const eastTree = add(EAST_JAN, EAST_FEB, TOWNSHIP_FEB);
    expect(summary.scope).toBe('tree');
    expect(summary.totals).toEqual(add(CITY_JAN, eastTree, WEST_JAN));
    expect(
      summary.conferences.map((c: { name: string; depth: number; reports: number }) => [
        c.name,
        c.depth,
        c.reports,
      ]),
    ).toEqual([
      ['某市打击传销联席会议', 0, 1],
      ['东湖区打击传销联席会议', 1, 2],
      ['公园街道打击传销联席会议', 2, 1],
      ['西湖区打击传销联席会议', 1, 1],
    ]);
    const [own, eastRow, townRow, westRow] = summary.conferences;
    expect(own).toMatchObject({ conferenceId: cityId, parentId: null, figures: CITY_JAN });
    expect(own.treeFigures).toEqual(summary.totals);
    expect(eastRow).toMatchObject({
      conferenceId: east.conference.id,
      parentId: cityId,
      jurisdiction: { code: '360102', name: '东湖区' },
      figures: add(EAST_JAN, EAST_FEB),
      treeFigures: eastTree,
    });
    expect(townRow).toMatchObject({
      parentId: east.conference.id,
      figures: TOWNSHIP_FEB,
      treeFigures: TOWNSHIP_FEB,
    });
    // 西湖区's February is only submitted: it does not count
    expect(westRow).toMatchObject({ figures: WEST_JAN, treeFigures: WEST_JAN });
    // the rows' own figures add up to the totals: nothing is counted twice
    expect(add(...summary.conferences.map((c: { figures: Figures }) => c.figures))).toEqual(
      summary.totals,
    );
    // by month over the tree, with the alert trend of the whole city
    expect(summary.rows.map((r: { key: string; figures: Figures }) => [r.key, r.figures])).toEqual([
      ['2026-01', add(CITY_JAN, EAST_JAN, WEST_JAN)],
      ['2026-02', add(EAST_FEB, TOWNSHIP_FEB)],
    ]);
    expect(summary.alertTrend).toEqual({
      fromMonth: '2026-01',
      from: 3 + 40 + 60,
      toMonth: '2026-02',
      to: 8 + 1,
    });
    // by unit, a district's unit is named with its district
    const byUnit = (
      await cityOffice.get(`/api/stats/summary?${PERIOD}&scope=tree&groupBy=unit`)
    ).json();
    expect(byUnit.rows.map((r: { label: string }) => r.label).sort()).toEqual(
      ['市公安局', '东湖区 区公安分局', '西湖区 区公安分局', '公园街道 区公安分局'].sort(),
    );
    expect(byUnit.totals).toEqual(summary.totals);
    // a leader of the city reads it too
    const leader = await env.as('fig-city-leader', PASSWORD);
    expect((await leader.get(`/api/stats/summary?${PERIOD}&scope=tree`)).json().totals).toEqual(
      summary.totals,
    );
  });

  it('without the scope the summary is the city’s own, exactly as before', async () => {
    const plain = (await cityOffice.get(`/api/stats/summary?${PERIOD}`)).json();
    expect(Object.keys(plain).sort()).toEqual(
      ['alertTrend', 'from', 'groupBy', 'rows', 'to', 'totals'].sort(),
    );
    expect(plain.totals).toEqual(CITY_JAN);
    const own = (await cityOffice.get(`/api/stats/summary?${PERIOD}&scope=own`)).json();
    expect(own).toEqual(plain);
    // the seeded district's default summary is its own units' too
    const seeded = (await (await env.as('office')).get(`/api/stats/summary?${PERIOD}`)).json();
    expect(seeded.totals).toEqual(SEEDED_JAN);
  });

  it('a district asking for the tree gets itself and what is below it, never its parent or sibling', async () => {
    const summary = (await eastOffice.get(`/api/stats/summary?${PERIOD}&scope=tree`)).json();
    expect(summary.totals).toEqual(add(EAST_JAN, EAST_FEB, TOWNSHIP_FEB));
    expect(
      summary.conferences.map((c: { name: string; depth: number }) => [c.name, c.depth]),
    ).toEqual([
      ['东湖区打击传销联席会议', 0],
      ['公园街道打击传销联席会议', 1],
    ]);
    const westOffice = await env.as('fig-360103-office', passwordOf(west, 'office'));
    const alone = (await westOffice.get(`/api/stats/summary?${PERIOD}&scope=tree`)).json();
    expect(alone.totals).toEqual(WEST_JAN);
    expect(alone.conferences).toHaveLength(1);
  });

  it('a unit cannot ask for the tree; an unknown scope is refused', async () => {
    const unit = await env.as('fig-east-ga', PASSWORD);
    expect((await unit.get(`/api/stats/summary?${PERIOD}&scope=tree`)).statusCode).toBe(403);
    expect((await cityOffice.get(`/api/stats/summary?${PERIOD}&scope=all`)).statusCode).toBe(400);
  });

  it('a briefing composed at the city over the tree states the sum and each district', async () => {
    const res = await cityOffice.post('/api/briefings', {
      from: '2026-01-01',
      to: '2026-02-28',
      coverage: 'tree',
    });
    expect(res.statusCode, res.body).toBe(201);
    const text = res.json().sections.figures as string;
    const eastTree = add(EAST_JAN, EAST_FEB, TOWNSHIP_FEB);
    const total = add(CITY_JAN, eastTree, WEST_JAN);
    expect(text).toContain(
      `2026 年 1 月 1 日至2026 年 2 月 28 日，全市开展整治打击 ${total.operations} 次，` +
        `捣毁传销窝点 ${total.densRaided} 个，解救遣返传销参与人员 ${total.peopleRescued + total.peopleRepatriated} 名`,
    );
    const [, parts] = text.split('\n其中，');
    expect(parts.split('；').map((p) => p.slice(0, p.indexOf('开展')))).toEqual([
      '市本级',
      '东湖区',
      '西湖区',
    ]);
    // 东湖区 is told with its street, once; 西湖区's unapproved February is left out
    expect(parts).toContain(
      `东湖区开展整治打击 ${eastTree.operations} 次，捣毁传销窝点 ${eastTree.densRaided} 个，` +
        `解救遣返传销参与人员 ${eastTree.peopleRescued + eastTree.peopleRepatriated} 名`,
    );
    expect(parts).toContain(
      `西湖区开展整治打击 100 次，捣毁传销窝点 0 个，解救遣返传销参与人员 0 名，刑事拘留 9 名、行政拘留 0 名，立案查办行政案件 4 件`,
    );
    expect(parts).toContain('市本级开展整治打击 2 次，捣毁传销窝点 1 个');
    expect(res.json().sections.alerts).toBe(
      `全市传销警情数从 2026 年 1 月的 ${3 + 40 + 60} 件，降至 2026 年 2 月的 9 件。`,
    );
    // the briefing can still be edited as composed
    const b = res.json();
    const edited = await cityOffice.patch(`/api/briefings/${b.id}`, {
      version: b.version,
      sections: b.sections,
    });
    expect(edited.statusCode, edited.body).toBe(200);

    // composed without the tree, the city's briefing counts its own units only
    const plain = (
      await cityOffice.post('/api/briefings', { from: '2026-01-01', to: '2026-02-28' })
    ).json();
    expect(plain.sections.figures).not.toContain('其中');
    expect(plain.sections.figures).toContain('全市开展整治打击 2 次，捣毁传销窝点 1 个');
  });
});
