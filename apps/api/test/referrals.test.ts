import { handoffClocks, processDue } from '@lianxi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInstants } from '../../../test/support/deadlines.js';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';
import { silent } from '../../../test/support/wait.js';

let env: TestEnv;
let scjg: Caller;
let ga: Caller;
let jcy: Caller;
const DAY = 86_400_000;

beforeAll(async () => {
  // the clock jumps days ahead: sessions must outlive it
  env = await createTestEnv({ sessionIdleMinutes: 525_600, sessionMaxHours: 8760 });
  scjg = await env.as('unit-scjg');
  ga = await env.as('unit-ga');
  jcy = await env.as('unit-jcy');
});
afterAll(() => env.close());

const sweep = () =>
  processDue(handoffClocks, { db: env.database.db, clock: env.clock, log: silent });

/** 市场监管 finds a scheme in its own inspection and refers it to the police. */
async function referral(name: string) {
  const clue = await scjg.post('/api/clues', {
    channel: 'other_unit',
    subject: { name },
    category: 'gathering',
    description: '检查中发现以“资本运作”为名发展下线，涉嫌组织、领导传销活动罪',
  });
  expect(clue.statusCode, clue.body).toBe(201);
  const sent = await scjg.post(`/api/clues/${clue.json().id}/handoffs`, {
    toUnitId: await env.unitId('ga'),
    kind: 'criminal_referral',
    reason: '涉嫌组织、领导传销活动罪，依法移送',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return sent.json() as { id: string; clueId: string; resultDueAt: string; signDueAt: string };
}

const escalations = (handoffId: string) =>
  env.sql<{ reason: string; level: number; clock_version: number }>(
    `SELECT reason, level, clock_version FROM handoff_events
      WHERE handoff_id = $1 AND kind = 'escalated' ORDER BY id`,
    [handoffId],
  );
const noticesFor = (username: string, kind: string, handoffId: string) =>
  env.sql<{ title: string }>(
    `SELECT n.title FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE u.username = $1 AND n.kind = $2 AND n.subject_id = $3`,
    [username, kind, handoffId],
  );
/** Moves the test clock to `ms` past `iso`. */
const moveTo = (iso: string, ms: number) =>
  env.clock.advance(new Date(iso).getTime() + ms - env.clock.now().getTime());

describe('行政→刑事移送 limits', () => {
  it('a referral left undecided escalates after its 3 statutory days, once per level', async () => {
    const h = await referral('金海岸互助会');
    // the decision is due at the end of the third day after it was sent
    const sentDay = new Date(env.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const dueDay = new Date(new Date(h.resultDueAt).getTime() + 8 * 3_600_000)
      .toISOString()
      .slice(0, 10);
    expect((Date.parse(dueDay) - Date.parse(sentDay)) / DAY).toBe(3);
    expect((await ga.post(`/api/handoffs/${h.id}/receive`)).statusCode).toBe(200);

    moveTo(h.resultDueAt, -1000);
    await sweep();
    expect(await escalations(h.id)).toEqual([]);

    moveTo(h.resultDueAt, 1000);
    await sweep();
    await sweep();
    expect(await escalations(h.id)).toEqual([{ reason: 'overdue', level: 1, clock_version: 1 }]);
    expect((await ga.get(`/api/handoffs/${h.id}`)).json()).toMatchObject({
      status: 'received',
      escalationLevel: 1,
    });
    expect(await noticesFor('unit-ga', 'handoff.level1', h.id)).toHaveLength(1);
    expect(await noticesFor('office', 'handoff.level1', h.id)).toHaveLength(1);
    // the referring unit is told its referral is overdue too
    expect(await noticesFor('unit-scjg', 'handoff.level1', h.id)).toHaveLength(1);
    // 督办 two workdays later reaches the supervisors
    env.clock.passTo((await handoffInstants(env, h.id)).level2At!);
    await sweep();
    expect((await escalations(h.id)).map((e) => e.level)).toEqual([1, 2]);
    expect(await noticesFor('supervisor', 'handoff.level2', h.id)).toHaveLength(1);
    // the supervisors' board lists it until the police decide
    const supervisor = await env.as('supervisor');
    const board = (await supervisor.get('/api/handoffs/overdue')).json().items;
    expect(board.find((x: { id: string }) => x.id === h.id)).toMatchObject({ escalationLevel: 2 });
    expect((await scjg.get('/api/handoffs/overdue')).statusCode).toBe(403);
    await ga.post(`/api/handoffs/${h.id}/result`, { outcome: 'case_opened' });
    const after = (await supervisor.get('/api/handoffs/overdue')).json().items;
    expect(after.map((x: { id: string }) => x.id)).not.toContain(h.id);
  });

  it('an unsigned referral is 催办 at the sign-for limit', async () => {
    const h = await referral('天狮财富');
    moveTo(h.signDueAt, 1000);
    await sweep();
    expect((await escalations(h.id))[0]).toEqual({
      reason: 'unsigned',
      level: 1,
      clock_version: 1,
    });
    expect(await noticesFor('unit-ga', 'handoff.unsigned', h.id)).toHaveLength(1);
  });

  it('a refusal needs reasons, may go to reconsideration and then to the procuratorate', async () => {
    const h = await referral('善心汇分会');
    await ga.post(`/api/handoffs/${h.id}/receive`);
    // a referral is decided, not merely "handled"
    const handled = await ga.post(`/api/handoffs/${h.id}/result`, { outcome: 'handled' });
    expect(handled.statusCode).toBe(422);
    expect((await ga.post(`/api/handoffs/${h.id}/result`, { outcome: 'refused' })).statusCode).toBe(
      400,
    );
    const refused = await ga.post(`/api/handoffs/${h.id}/result`, {
      outcome: 'refused',
      reason: '现有证据不足以证明层级达到三级以上',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().actions).toEqual([]);
    const seen = (await scjg.get(`/api/handoffs/${h.id}`)).json();
    expect(seen).toMatchObject({ status: 'answered', outcome: 'refused' });
    expect(seen.actions).toEqual(['reconsider', 'procuratorate']);
    expect(Date.parse(seen.appealDueAt) - Date.parse(seen.answeredAt)).toBeLessThanOrEqual(4 * DAY);
    expect(await noticesFor('unit-scjg', 'handoff.answered', h.id)).toHaveLength(1);

    // only the referring unit may contest it
    expect(
      (await ga.post(`/api/handoffs/${h.id}/reconsideration`, { reason: '自己复议' })).statusCode,
    ).toBe(404);
    const asked = await scjg.post(`/api/handoffs/${h.id}/reconsideration`, {
      reason: '已补充会员系统数据，层级达五级',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ status: 'reconsidering', signDueAt: null });
    expect(Date.parse(asked.json().resultDueAt)).toBeGreaterThan(env.clock.now().getTime());
    expect(await noticesFor('unit-ga', 'handoff.reconsideration', h.id)).toHaveLength(1);
    // the police decide again without signing again
    expect((await ga.get(`/api/handoffs/${h.id}`)).json().actions).toEqual(['answer']);
    const upheld = await ga.post(`/api/handoffs/${h.id}/result`, {
      outcome: 'refused',
      reason: '复议后维持不予立案决定',
    });
    expect(upheld.statusCode, upheld.body).toBe(200);
    // reconsideration is once; the procuratorate is still open
    expect((await scjg.get(`/api/handoffs/${h.id}`)).json().actions).toEqual(['procuratorate']);
    expect(
      (await scjg.post(`/api/handoffs/${h.id}/reconsideration`, { reason: '再次复议' })).statusCode,
    ).toBe(409);

    const supervision = await scjg.post(`/api/handoffs/${h.id}/procuratorate`, {
      reason: '公安机关应当立案而不立案，建议立案监督',
    });
    expect(supervision.statusCode, supervision.body).toBe(201);
    const request = supervision.json();
    expect(request).toMatchObject({
      kind: 'supervision_request',
      toUnitId: await env.unitId('jcy'),
      fromUnitId: await env.unitId('scjg'),
      parentHandoffId: h.id,
      status: 'sent',
    });
    expect(
      (await scjg.post(`/api/handoffs/${h.id}/procuratorate`, { reason: '再次建议' })).statusCode,
    ).toBe(409);
    // the procuratorate sees the clue, signs for the request and answers; 市场监管 is told
    expect((await jcy.get(`/api/clues/${h.clueId}`)).statusCode).toBe(200);
    expect((await jcy.post(`/api/handoffs/${request.id}/receive`)).statusCode).toBe(200);
    const answered = await jcy.post(`/api/handoffs/${request.id}/result`, {
      outcome: 'handled',
      reason: '已要求公安机关说明不立案理由',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await noticesFor('unit-scjg', 'handoff.answered', request.id)).toHaveLength(1);
    const timeline = (await scjg.get(`/api/handoffs/${h.id}`)).json().events;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'sent',
      'received',
      'answered',
      'reconsideration_requested',
      'answered',
      'procuratorate_requested',
    ]);
  });

  it('after 3 days a refusal can no longer be contested', async () => {
    const h = await referral('华林国际');
    await ga.post(`/api/handoffs/${h.id}/receive`);
    const refused = (
      await ga.post(`/api/handoffs/${h.id}/result`, { outcome: 'not_crime', reason: '不构成犯罪' })
    ).json();
    moveTo(refused.appealDueAt, 1000);
    const late = await scjg.post(`/api/handoffs/${h.id}/reconsideration`, { reason: '逾期提请' });
    expect(late.statusCode).toBe(422);
    expect(late.json().detail).toContain('3日');
    expect((await scjg.get(`/api/handoffs/${h.id}`)).json().actions).toEqual([]);
    const [row] = await env.sql<{ status: string }>('SELECT status FROM handoffs WHERE id = $1', [
      h.id,
    ]);
    expect(row.status).toBe('answered');
  });

  it('a case opened starts the 3 days to hand the seized items over', async () => {
    const h = await referral('亿家人商城');
    await ga.post(`/api/handoffs/${h.id}/receive`);
    const opened = (
      await ga.post(`/api/handoffs/${h.id}/result`, { outcome: 'case_opened' })
    ).json();
    expect(opened.itemsDueAt).not.toBeNull();
    expect((await scjg.get(`/api/handoffs/${h.id}`)).json().actions).toEqual(['hand_over_items']);
    moveTo(opened.itemsDueAt, 1000);
    await sweep();
    expect(await escalations(h.id)).toEqual([
      { reason: 'items_overdue', level: 1, clock_version: 1 },
    ]);
    expect(await noticesFor('unit-scjg', 'handoff.items_overdue', h.id)).toHaveLength(1);
    const done = await scjg.post(`/api/handoffs/${h.id}/items`, {
      reason: '扣押账册 12 本、手机 3 部',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().itemsHandedOverAt).not.toBeNull();
    expect((await scjg.post(`/api/handoffs/${h.id}/items`, { reason: '重复' })).statusCode).toBe(
      409,
    );
  });
});

describe('ordinary hand-off clocks', () => {
  it('a transfer is due within the policy limit and climbs the ladder like a task', async () => {
    const clue = (
      await scjg.post('/api/clues', {
        channel: 'hotline',
        subject: { name: '校园贷互助群' },
        category: 'online',
        description: '学生被拉入群发展下线',
      })
    ).json();
    const sent = (
      await scjg.post(`/api/clues/${clue.id}/handoffs`, {
        toUnitId: await env.unitId('jy'),
        kind: 'transfer',
        reason: '涉及在校学生',
      })
    ).json();
    // 15 workdays: three working weeks, so at least 19 calendar days and a few hours away
    expect(Date.parse(sent.resultDueAt) - env.clock.now().getTime()).toBeGreaterThan(19 * DAY);
    const jy = await env.as('unit-jy');
    await jy.post(`/api/handoffs/${sent.id}/receive`);
    moveTo(sent.resultDueAt, 1000);
    await sweep();
    expect(await escalations(sent.id)).toEqual([{ reason: 'overdue', level: 1, clock_version: 1 }]);
    // answered, the clock stops: nothing more however long it waits
    expect(
      (await jy.post(`/api/handoffs/${sent.id}/result`, { outcome: 'handled' })).statusCode,
    ).toBe(200);
    env.clock.advance(30 * DAY);
    await sweep();
    expect(await escalations(sent.id)).toHaveLength(1);
    const [row] = await env.sql<{ next_check_at: Date | null }>(
      'SELECT next_check_at FROM handoffs WHERE id = $1',
      [sent.id],
    );
    expect(row.next_check_at).toBeNull();
  });
});
