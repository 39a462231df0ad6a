import { measureUnit, processDueClocks, systemActor } from '@lianxi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingYear, testStart } from '../../../test/support/clock.js';
import { taskInstants } from '../../../test/support/deadlines.js';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';
import { silent } from '../../../test/support/wait.js';

let env: TestEnv;
let office: Caller;
let ga: Caller;
let scjg: Caller;
const YEAR = beijingYear(testStart());
const HOUR = 3_600_000;

beforeAll(async () => {
  // the clock jumps days ahead: sessions must outlive it
  env = await createTestEnv({ sessionIdleMinutes: 525_600, sessionMaxHours: 8760 });
  office = await env.as('office');
  ga = await env.as('unit-ga');
  scjg = await env.as('unit-scjg');
});
afterAll(() => env.close());

const engine = () => ({ db: env.database.db, clock: env.clock, log: silent });
const moveTo = (at: string | Date, ms = 0) =>
  env.clock.advance(new Date(at).getTime() + ms - env.clock.now().getTime());

async function issueToGa(title: string) {
  const res = await office.post('/api/work-orders', {
    title,
    body: '按期办理',
    assignments: [{ unitId: await env.unitId('ga'), role: 'lead' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().tasks[0] as { id: string; signDueAt: string; dueAt: string };
}
const close = async (id: string) => {
  expect((await ga.post(`/api/tasks/${id}/report`, { summary: '已办结' })).statusCode).toBe(200);
  expect((await office.post(`/api/tasks/${id}/review`, { approve: true })).statusCode).toBe(200);
};
async function handoffToGa(name: string, kind: 'transfer' | 'criminal_referral') {
  const clue = (
    await office.post('/api/clues', {
      channel: 'hotline',
      subject: { name },
      category: 'gathering',
      description: '群众举报',
    })
  ).json();
  const res = await office.post(`/api/clues/${clue.id}/handoffs`, {
    toUnitId: await env.unitId('ga'),
    kind,
    reason: '请核查',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

const GA_LETTER = {
  title: `${YEAR} 年度打击防范传销工作责任书（公安分局）`,
  indicators: [
    { kind: 'measured', name: '交办任务按时签收', points: 20, metric: 'sign_on_time_rate' },
    { kind: 'measured', name: '交办任务按时办结', points: 30, metric: 'completion_on_time_rate' },
    {
      kind: 'measured',
      name: '逾期督办',
      points: 20,
      metric: 'overdue_by_level',
      perLevel: { level1: 1, level2: 2, level3: 5 },
    },
    { kind: 'measured', name: '移送线索按时反馈', points: 10, metric: 'handoff_feedback_rate' },
    { kind: 'manual', name: '组织领导', points: 20, description: '领导重视、机构健全' },
  ],
  deductionItems: [
    { name: '领导机制削弱', pointsEach: 2, aggravated: true },
    { name: '信息报送不及时', pointsEach: 1 },
  ],
};
const manualOnly = (unitId: string, title: string) => ({
  year: YEAR,
  unitId,
  title,
  indicators: [{ kind: 'manual', name: '综合评价', points: 100 }],
});
const letterCount = async () =>
  Number((await env.sql<{ n: string }>('SELECT count(*) AS n FROM letters'))[0].n);

describe('responsibility letters', () => {
  let gaLetter: {
    id: string;
    indicators: { id: string; kind: string }[];
    deductionItems: { id: string }[];
  };

  it('refuses indicators whose points do not make 100, writing nothing', async () => {
    const before = await letterCount();
    const res = await office.post('/api/letters', {
      year: YEAR,
      unitId: await env.unitId('ga'),
      ...GA_LETTER,
      indicators: GA_LETTER.indicators.slice(0, 4),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('当前为 80 分');
    expect(res.json().errors[0].field).toBe('body.indicators');
    expect(await letterCount()).toBe(before);
  });

  it('drafts, issues and has the unit sign; a unit sees only its own letter', async () => {
    const created = await office.post('/api/letters', {
      year: YEAR,
      unitId: await env.unitId('ga'),
      ...GA_LETTER,
    });
    expect(created.statusCode, created.body).toBe(201);
    gaLetter = created.json();
    expect(gaLetter).toMatchObject({ status: 'draft' });
    // a draft is the office's own
    expect((await ga.get(`/api/letters/${gaLetter.id}`)).statusCode).toBe(404);
    expect(
      (
        await office.post('/api/letters', {
          year: YEAR,
          unitId: await env.unitId('ga'),
          ...GA_LETTER,
        })
      ).statusCode,
    ).toBe(409);
    expect((await office.post(`/api/letters/${gaLetter.id}/issue`)).json().status).toBe('issued');
    expect((await office.post(`/api/letters/${gaLetter.id}/issue`)).statusCode).toBe(409);

    expect((await scjg.get(`/api/letters/${gaLetter.id}`)).statusCode).toBe(404);
    expect((await scjg.post(`/api/letters/${gaLetter.id}/sign`)).statusCode).toBe(404);
    expect((await office.post(`/api/letters/${gaLetter.id}/sign`)).statusCode).toBe(403);
    const signed = await ga.post(`/api/letters/${gaLetter.id}/sign`);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed' });
    const [audit] = await env.sql<{ actor_id: string }>(
      `SELECT actor_id FROM audit_log WHERE action = 'letter.signed' AND subject_id = $1`,
      [gaLetter.id],
    );
    expect(audit.actor_id).toBeTruthy();
    expect((await ga.get('/api/letters')).json().items.map((l: { id: string }) => l.id)).toEqual([
      gaLetter.id,
    ]);
    expect((await scjg.get('/api/letters')).json().items).toEqual([]);
  });

  it('assesses from data built by hand: each indicator, each deduction, the total and the ranking', async () => {
    const t1 = await issueToGa('任务一：按时签收、按时办结');
    const t2 = await issueToGa('任务二：按时签收、按时办结');
    const t3 = await issueToGa('任务三：逾期签收、逾期办结（一级）');
    const t4 = await issueToGa('任务四：按时签收、逾期未办结（三级）');
    const h1 = await handoffToGa('按时反馈的线索', 'transfer');
    await handoffToGa('逾期未决定的刑事移送', 'criminal_referral');
    for (const t of [t1, t2, t4]) await ga.post(`/api/tasks/${t.id}/accept`, {});
    await close(t1.id);
    await close(t2.id);
    await ga.post(`/api/handoffs/${h1.id}/receive`);
    await ga.post(`/api/handoffs/${h1.id}/result`, { outcome: 'handled', reason: '已核查' });

    moveTo(t3.signDueAt, HOUR); // t3 signed late
    await processDueClocks(engine());
    await ga.post(`/api/tasks/${t3.id}/accept`, {});
    moveTo(t3.dueAt, HOUR); // t3 and t4 reach level 1; t3 is then reported late and closed
    await processDueClocks(engine());
    await close(t3.id);
    moveTo((await taskInstants(env, t4.id)).level3At, HOUR); // t4 climbs to 挂牌督办
    await processDueClocks(engine());

    const [manual] = gaLetter.indicators.filter((i) => i.kind === 'manual');
    const scored = await office.post(`/api/letters/${gaLetter.id}/scores`, {
      scores: [{ indicatorId: manual.id, score: 18, note: '主要领导亲自部署' }],
    });
    expect(scored.statusCode, scored.body).toBe(200);
    const [weakened, late] = gaLetter.deductionItems;
    await office.post(`/api/letters/${gaLetter.id}/deductions`, {
      itemId: weakened.id,
      note: '二季度未召开专题会议',
    });
    await office.post(`/api/letters/${gaLetter.id}/deductions`, {
      itemId: late.id,
      count: 2,
      note: '两次月报迟报',
    });

    const a = (await office.get(`/api/letters/${gaLetter.id}/assessment`)).json();
    expect(a.final).toBe(false);
    expect(a.indicators.map((i: { score: number }) => i.score)).toEqual([15, 15, 14, 5, 18]);
    expect(a.indicators[0].ratio).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(a.indicators[1].ratio).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
    expect(a.indicators[2].levels).toEqual({ level1: 1, level2: 0, level3: 1 });
    expect(a.indicators[3].ratio).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(a.deductions.map((d: { points: number }) => d.points)).toEqual([4, 2]);
    expect(a).toMatchObject({ indicatorTotal: 67, deductionTotal: 6, total: 61, redFlags: 1 });
    // the unit reads its own breakdown
    expect((await ga.get(`/api/letters/${gaLetter.id}/assessment`)).json().total).toBe(61);

    // two more units, by hand: one above, one level with 公安
    for (const [code, score] of [
      ['scjg', 80],
      ['jy', 61],
    ] as const) {
      const l = (
        await office.post('/api/letters', manualOnly(await env.unitId(code), `${code} 责任书`))
      ).json();
      await office.post(`/api/letters/${l.id}/issue`);
      await office.post(`/api/letters/${l.id}/scores`, {
        scores: [{ indicatorId: l.indicators[0].id, score }],
      });
    }
    const ranking = (await office.get(`/api/letters/ranking?year=${YEAR}`)).json().items;
    expect(ranking.map((r: { rank: number; total: number }) => [r.rank, r.total])).toEqual([
      [1, 80],
      [2, 61],
      [2, 61],
    ]);
    // a unit sees where it stands, not the others
    expect((await ga.get(`/api/letters/ranking?year=${YEAR}`)).json().items).toEqual([
      expect.objectContaining({ unitId: await env.unitId('ga'), rank: 2, outOf: 3, total: 61 }),
    ]);
  });

  it('finalises once; afterwards the assessment does not move with the data', async () => {
    const unsigned = (await office.get(`/api/letters?year=${YEAR}`))
      .json()
      .items.find((l: { title: string }) => l.title === 'scjg 责任书');
    expect((await office.post(`/api/letters/${unsigned.id}/assessment/finalize`)).statusCode).toBe(
      409,
    );

    const final = await office.post(`/api/letters/${gaLetter.id}/assessment/finalize`);
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json()).toMatchObject({ final: true, total: 61 });
    expect((await office.post(`/api/letters/${gaLetter.id}/assessment/finalize`)).statusCode).toBe(
      409,
    );

    // new data: a task signed on time lifts the live sign-for rate by one of one more (counted
    // in the year it is issued: after a December start the clock has climbed into the next)
    const [conference] = await env.sql<{ id: string }>('SELECT id FROM conferences');
    const measure = async () =>
      (
        await measureUnit(
          { ...engine(), actor: systemActor, conferenceId: conference.id },
          await env.unitId('ga'),
          beijingYear(env.clock.now()),
          'Asia/Shanghai',
        )
      ).signOnTime;
    const before = await measure();
    const t5 = await issueToGa('定稿后的新任务');
    await ga.post(`/api/tasks/${t5.id}/accept`, {});
    expect(await measure()).toEqual({ onTime: before.onTime + 1, counted: before.counted + 1 });
    const after = (await office.get(`/api/letters/${gaLetter.id}/assessment`)).json();
    expect(after).toEqual(final.json());
    const deduct = await office.post(`/api/letters/${gaLetter.id}/deductions`, {
      itemId: gaLetter.deductionItems[1].id,
      note: '定稿后再扣',
    });
    expect(deduct.statusCode).toBe(409);
    expect((await office.get(`/api/letters/${gaLetter.id}`)).json().status).toBe('assessed');
  });
});
