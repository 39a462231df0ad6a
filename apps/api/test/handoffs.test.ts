import { routeClue } from '@lianxi/core';
import { startWorker } from '@lianxi/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';
import { silent, until } from '../../../test/support/wait.js';

let env: TestEnv;
let office: Caller;
let ga: Caller;
const REPORTER = { name: '赵保密', phone: '13600001111' };

beforeAll(async () => {
  env = await createTestEnv();
  office = await env.as('office');
  ga = await env.as('unit-ga');
});
afterAll(() => env.close());

const bigScheme = (name: string) => ({
  channel: 'hotline',
  subject: { name },
  category: 'gathering',
  description: '发展下线 60 余人，层级 5 级',
  participants: 60,
  levels: 5,
  reporter: REPORTER,
});
const handoffsOf = (clueId: string) =>
  env.sql<{ id: string; to_unit_id: string; kind: string; rule_id: string | null }>(
    'SELECT id, to_unit_id, kind, rule_id FROM handoffs WHERE clue_id = $1',
    [clueId],
  );

describe('routing new clues', () => {
  it('the worker sends a new clue on by the first matching rule, once', async () => {
    const worker = await startWorker({
      config: env.config,
      database: env.database,
      clock: env.clock,
      log: silent,
    });
    try {
      const clue = (await office.post('/api/clues', bigScheme('鸿运互助会'))).json();
      const [handoff] = await until(
        async () => {
          const rows = await handoffsOf(clue.id);
          return rows.length ? rows : undefined;
        },
        10_000,
        'routed',
      );
      expect(handoff).toMatchObject({
        to_unit_id: await env.unitId('ga'),
        kind: 'criminal_referral',
      });
      expect(handoff.rule_id).not.toBeNull();
      // a second run of the routing job changes nothing
      expect(
        await routeClue({ db: env.database.db, clock: env.clock, log: silent }, clue.id),
      ).toBeNull();
      expect(await handoffsOf(clue.id)).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });
});

describe('hand-offs', () => {
  it('the receiving unit sees the clue (not the reporter), receives, answers; the sender is told', async () => {
    const clue = (await office.post('/api/clues', bigScheme('聚财联盟'))).json();
    await routeClue({ db: env.database.db, clock: env.clock, log: silent }, clue.id);
    const inbox = (await ga.get('/api/handoffs?box=in')).json().items;
    const handoff = inbox.find((h: { clueId: string }) => h.clueId === clue.id);
    expect(handoff).toMatchObject({
      kind: 'criminal_referral',
      status: 'sent',
      byRule: true,
      fromUnitId: null,
    });

    const seen = await ga.get(`/api/clues/${clue.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(REPORTER.phone);
    expect(seen.json().reports[0]).not.toHaveProperty('reporter');
    // a unit it was not handed to does not know it
    const jy = await env.as('unit-jy');
    expect((await jy.get(`/api/clues/${clue.id}`)).statusCode).toBe(404);
    expect((await jy.post(`/api/handoffs/${handoff.id}/receive`)).statusCode).toBe(404);

    expect(
      (await ga.post(`/api/handoffs/${handoff.id}/result`, { outcome: 'case_opened' })).statusCode,
    ).toBe(409);
    expect((await ga.post(`/api/handoffs/${handoff.id}/receive`)).json().status).toBe('received');
    const noReason = await ga.post(`/api/handoffs/${handoff.id}/result`, { outcome: 'refused' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('body.reason');
    const answered = await ga.post(`/api/handoffs/${handoff.id}/result`, {
      outcome: 'refused',
      reason: '涉案金额未达立案标准',
    });
    expect(answered.json()).toMatchObject({ status: 'answered', outcome: 'refused' });

    const officeInbox = (await office.get('/api/handoffs?box=in'))
      .json()
      .items.map((h: { id: string }) => h.id);
    expect(officeInbox).toContain(handoff.id);
    const notices = (await office.get('/api/notifications')).json().items;
    expect(
      notices.some(
        (n: { kind: string; subjectId: string }) =>
          n.kind === 'handoff.answered' && n.subjectId === handoff.id,
      ),
    ).toBe(true);
  });

  it('a clue the office routes passes to the unit that receives it, which closes it when done', async () => {
    const online = {
      channel: 'online',
      subject: { name: '云联惠互助', url: 'https://yunlian.example.cn/reg' },
      category: 'online',
      description: '以消费返利为名拉人头',
      reporter: REPORTER,
    };
    const clue = (await office.post('/api/clues', online)).json();
    const handoffId = await routeClue(
      { db: env.database.db, clock: env.clock, log: silent },
      clue.id,
    );
    const scjg = await env.as('unit-scjg');
    expect((await scjg.get(`/api/clues/${clue.id}`)).json().reports[0]).not.toHaveProperty(
      'reporter',
    );
    await scjg.post(`/api/handoffs/${handoffId}/receive`);
    const held = (await scjg.get(`/api/clues/${clue.id}`)).json();
    expect(held.owningUnitId).toBe(await env.unitId('scjg'));
    expect(held.reports[0].reporter).toEqual(REPORTER);

    // closed only by its holder or the office, and only once every hand-off is answered
    const close = (who: Caller) =>
      who.post(`/api/clues/${clue.id}/close`, { conclusion: '已责令关停网站，移出传销平台' });
    expect((await close(scjg)).statusCode).toBe(409);
    expect((await close(await env.as('unit-jy'))).statusCode).toBe(404);
    await scjg.post(`/api/handoffs/${handoffId}/result`, { outcome: 'handled' });
    const closed = await close(scjg);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      conclusion: '已责令关停网站，移出传销平台',
    });
    expect((await close(office)).statusCode).toBe(409);
    // a later report of the same site is a new clue, not a repeat of the closed one
    const again = (await office.post('/api/clues', online)).json();
    expect(again).toMatchObject({ merged: false, status: 'open' });
    expect(again.id).not.toBe(clue.id);
  });

  it('a unit hands on a clue it holds; the target must be of this conference', async () => {
    const clue = (
      await ga.post('/api/clues', { ...bigScheme('红星传销窝点'), participants: 5, levels: 1 })
    ).json();
    const [other] = await env.sql<{ id: string }>(`
      WITH c AS (INSERT INTO conferences (jurisdiction_id, name, serial_prefix)
                 SELECT id, '邻区联席会议', '邻交' FROM jurisdictions LIMIT 1 RETURNING id)
      INSERT INTO units (conference_id, code, name) SELECT id, 'ga', '邻区公安分局' FROM c RETURNING id`);
    const elsewhere = await ga.post(`/api/clues/${clue.id}/handoffs`, {
      toUnitId: other.id,
      kind: 'transfer',
      reason: '属邻区管辖',
    });
    expect(elsewhere.statusCode).toBe(422);
    const mz = await env.unitId('mz');
    const sent = await ga.post(`/api/clues/${clue.id}/handoffs`, {
      toUnitId: mz,
      kind: 'transfer',
      reason: '需民政局救助遣返',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({
      fromUnitId: await env.unitId('ga'),
      toUnitId: mz,
      byRule: false,
    });
    expect(
      (await ga.get('/api/handoffs?box=out')).json().items.map((h: { id: string }) => h.id),
    ).toContain(sent.json().id);
    expect(
      (
        await ga.post(`/api/clues/${clue.id}/handoffs`, {
          toUnitId: await env.unitId('ga'),
          kind: 'transfer',
          reason: '给自己',
        })
      ).statusCode,
    ).toBe(422);
    // the holding unit still sees its reporter; the receiving one does not
    expect((await ga.get(`/api/clues/${clue.id}`)).json().reports[0].reporter).toEqual(REPORTER);
    expect(
      (await (await env.as('unit-mz')).get(`/api/clues/${clue.id}`)).json().reports[0],
    ).not.toHaveProperty('reporter');
  });
});
