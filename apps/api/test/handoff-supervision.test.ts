import { handoffClockJobId, handoffClocks, processDue, reconcileClocks } from '@lianxi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffInstants } from '../../../test/support/deadlines.js';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';
import { silent } from '../../../test/support/wait.js';

// A Wednesday morning in Beijing: the hand-offs' limits fall on plain workdays.
const NOW = '2026-03-04T09:00:00+08:00';

let env: TestEnv;
let scjg: Caller;
let ga: Caller;
let supervisor: Caller;
let gaId: string;

beforeAll(async () => {
  // the clock jumps workdays ahead: sessions must outlive it
  env = await createTestEnv({ sessionIdleMinutes: 525_600, sessionMaxHours: 8760 }, { now: NOW });
  scjg = await env.as('unit-scjg');
  ga = await env.as('unit-ga');
  supervisor = await env.as('supervisor');
  gaId = await env.unitId('ga');
});
afterAll(() => env.close());

interface Sent {
  id: string;
  clueId: string;
  clueSerial: string;
  version: number;
  actions: string[];
}

/** 市场监管 hands a clue it found to the police to handle. */
async function handOff(name: string): Promise<Sent> {
  const clue = await scjg.post('/api/clues', {
    channel: 'other_unit',
    subject: { name },
    category: 'gathering',
    description: '检查中发现以“资本运作”为名发展下线',
  });
  expect(clue.statusCode, clue.body).toBe(201);
  const sent = await scjg.post(`/api/clues/${clue.json().id}/handoffs`, {
    toUnitId: gaId,
    kind: 'transfer',
    reason: '属公安机关管辖，移送核查',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return sent.json();
}

const sweep = () =>
  processDue(handoffClocks, { db: env.database.db, clock: env.clock, log: silent });

const noticesFor = (username: string, kind: string, handoffId: string) =>
  env.sql<{ title: string; body: string }>(
    `SELECT n.title, n.body FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE u.username = $1 AND n.kind = $2 AND n.subject_id = $3`,
    [username, kind, handoffId],
  );

const casesOf = (handoffId: string) =>
  env.sql<{ level: number; status: string; task_id: string | null }>(
    'SELECT level, status, task_id FROM supervision_cases WHERE handoff_id = $1',
    [handoffId],
  );

describe('a supervisor chases a hand-off by hand', () => {
  it('催办 reaches the receiving unit, the sender and the office, and is in the timeline', async () => {
    const h = await handOff('恒信互助会');
    const seen = (await supervisor.get(`/api/handoffs/${h.id}`)).json();
    expect(seen.actions).toEqual(['urge', 'supervise']);
    // the parties themselves are not offered the supervisor's acts
    expect((await ga.get(`/api/handoffs/${h.id}`)).json().actions).not.toContain('urge');

    const urged = await supervisor.post(`/api/handoffs/${h.id}/urge`, {
      note: '请于本周内接收并核查',
      version: seen.version,
    });
    expect(urged.statusCode, urged.body).toBe(200);
    expect(urged.json().version).toBe(seen.version + 1);

    const [toUnit] = await noticesFor('unit-ga', 'handoff.urge', h.id);
    expect(toUnit.title).toBe(`【催办】移交线索 ${h.clueSerial}（恒信互助会）`);
    expect(toUnit.body).toContain('请于本周内接收并核查');
    expect(toUnit.body).toContain('区公安分局');
    expect(await noticesFor('unit-scjg', 'handoff.urge', h.id)).toHaveLength(1);
    expect(await noticesFor('office', 'handoff.urge', h.id)).toHaveLength(1);

    const events = (await ga.get(`/api/handoffs/${h.id}`)).json().events;
    // 办理记录 names the person: the supervisor, and the sending unit's clerk
    expect(events.at(-1)).toMatchObject({
      kind: 'urged',
      text: '请于本周内接收并核查',
      actorName: '督查专员',
      unitId: null,
    });
    const [sender] = await env.sql<{ display_name: string }>(
      `SELECT display_name FROM users WHERE username = 'unit-scjg'`,
    );
    expect(events[0]).toMatchObject({ kind: 'sent', actorName: sender.display_name });
    // 催办 opens no case
    expect(await casesOf(h.id)).toEqual([]);
    const [audit] = await env.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE payload->>'handoffId' = $1 AND action = 'handoff.urged'`,
      [h.id],
    );
    expect(audit).toBeDefined();
  });

  it("督办 opens the hand-off's supervision case, listed and read like a task's", async () => {
    const h = await handOff('鑫盛养生会所');
    const res = await supervisor.post(`/api/handoffs/${h.id}/supervise`, {
      note: '列为督办件，限期反馈',
      version: h.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await casesOf(h.id)).toEqual([{ level: 2, status: 'open', task_id: null }]);

    const listed = (
      await supervisor.get('/api/supervision/cases?subjectType=handoff&status=open')
    ).json().items;
    const mine = listed.find((c: { handoffId: string }) => c.handoffId === h.id);
    expect(mine).toMatchObject({
      subjectType: 'handoff',
      taskId: null,
      serial: h.clueSerial,
      title: '鑫盛养生会所',
      unitId: gaId,
      level: 2,
    });
    // the keyword and the unit find it as they find a task's case
    const byKeyword = (await supervisor.get('/api/supervision/cases?q=鑫盛')).json().items;
    expect(byKeyword.map((c: { id: string }) => c.id)).toContain(mine.id);
    const tasksOnly = (await supervisor.get('/api/supervision/cases?subjectType=task')).json();
    expect(tasksOnly.items.map((c: { id: string }) => c.id)).not.toContain(mine.id);
    const counted = (
      await supervisor.get(`/api/supervision/cases?unitId=${gaId}&subjectType=handoff&offset=0`)
    ).json();
    expect(counted.total).toBeGreaterThanOrEqual(1);

    const detail = (await supervisor.get(`/api/supervision/cases/${mine.id}`)).json();
    expect(detail).toMatchObject({ handoffId: h.id, serial: h.clueSerial, opinions: [] });

    // a second 督办 keeps the one open case
    const again = await supervisor.post(`/api/handoffs/${h.id}/supervise`, {
      note: '再次督办',
      version: res.json().version,
    });
    expect(again.statusCode).toBe(200);
    expect(await casesOf(h.id)).toHaveLength(1);
    expect(await noticesFor('unit-ga', 'handoff.supervise', h.id)).toHaveLength(2);
  });

  it("refuses what is not the supervisor's, stale, empty or already answered, changing nothing", async () => {
    const h = await handOff('聚财联盟');
    const before = await env.sql(
      'SELECT count(*)::int AS n FROM handoff_events WHERE handoff_id = $1',
      [h.id],
    );
    const byUnit = await ga.post(`/api/handoffs/${h.id}/urge`, { note: '催', version: h.version });
    expect(byUnit.statusCode).toBe(403);
    const office = await env.as('office');
    expect(
      (await office.post(`/api/handoffs/${h.id}/supervise`, { note: '督', version: h.version }))
        .statusCode,
    ).toBe(403);
    const empty = await supervisor.post(`/api/handoffs/${h.id}/urge`, { note: '', version: 1 });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toContain('application/problem+json');
    const stale = await supervisor.post(`/api/handoffs/${h.id}/urge`, {
      note: '催办',
      version: h.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    const missing = await supervisor.post(
      '/api/handoffs/00000000-0000-4000-8000-000000000000/urge',
      { note: '催办' },
    );
    expect(missing.statusCode).toBe(404);
    expect(
      await env.sql('SELECT count(*)::int AS n FROM handoff_events WHERE handoff_id = $1', [h.id]),
    ).toEqual(before);

    expect((await ga.post(`/api/handoffs/${h.id}/receive`)).statusCode).toBe(200);
    const result = await ga.post(`/api/handoffs/${h.id}/result`, {
      outcome: 'handled',
      reason: '已核查处理',
    });
    expect(result.statusCode, result.body).toBe(200);
    const answered = (await supervisor.get(`/api/handoffs/${h.id}`)).json();
    expect(answered.actions).toEqual([]);
    const late = await supervisor.post(`/api/handoffs/${h.id}/urge`, {
      note: '催办',
      version: answered.version,
    });
    expect(late.statusCode).toBe(409);
    expect(await casesOf(h.id)).toEqual([]);
  });
});

describe("a hand-off's clock opens and raises its case", () => {
  it('督办 at level 2 opens the case once, 挂牌督办 at level 3 raises it', async () => {
    const h = await handOff('天狮财富');
    expect((await ga.post(`/api/handoffs/${h.id}/receive`)).statusCode).toBe(200);
    env.clock.passTo((await handoffInstants(env, h.id)).level2At!);
    await sweep();
    await sweep();
    expect(await casesOf(h.id)).toEqual([{ level: 2, status: 'open', task_id: null }]);
    // the notice names the item, the unit that owes it and what happened
    const [notice] = await noticesFor('supervisor', 'handoff.level2', h.id);
    expect(notice.title).toBe(`【督办】移交线索 ${h.clueSerial}逾期未反馈`);
    expect(notice.body).toContain('接收单位：区公安分局');
    const escalated = (await ga.get(`/api/handoffs/${h.id}`))
      .json()
      .events.filter((e: { kind: string }) => e.kind === 'escalated');
    // the limit is told as a Beijing day, never as an ISO instant
    for (const e of escalated) expect(e.text).toMatch(/^时限 \d{4}年\d{1,2}月\d{1,2}日/);

    env.clock.passTo((await handoffInstants(env, h.id)).level3At!);
    await sweep();
    expect(await casesOf(h.id)).toEqual([{ level: 3, status: 'open', task_id: null }]);
    const board = (await supervisor.get('/api/handoffs/overdue')).json().items;
    expect(board.find((x: { id: string }) => x.id === h.id)).toMatchObject({
      escalationLevel: 3,
      actions: ['urge', 'supervise'],
    });
  });
});

describe("a hand-off's timers, as a task's", () => {
  it('asks for a timer only within the coming hour; the reconciler arms the rest as they near', async () => {
    const timersOf = (id: string) =>
      env.sql<{ run_at: Date }>(
        "SELECT run_at FROM outbox WHERE job_name = 'handoff-clock' AND payload->>'handoffId' = $1",
        [id],
      );
    const h = await handOff('久远期限互助社');
    const at = await handoffInstants(env, h.id);
    // sent on a Wednesday morning: its sign-for limit is a workday away, past the timer window
    expect(at.signDueAt!.getTime() - env.clock.now().getTime()).toBeGreaterThan(3_600_000);
    expect(await timersOf(h.id)).toEqual([]);
    const base = { db: env.database.db, clock: env.clock, log: silent };
    const horizon = 60_000;
    const armed = async () => {
      const added: { name: string; opts: { jobId: string; delay: number } }[] = [];
      await reconcileClocks(base, horizon, async (timers) => added.push(...timers));
      return added.filter((t) => t.opts.jobId.includes(h.id));
    };
    expect(await armed()).toEqual([]);
    // half a minute before the limit the reconciler re-adds it, with the id the outbox uses
    env.clock.set(new Date(at.signDueAt!.getTime() - 30_000));
    const [timer] = await armed();
    expect(timer).toMatchObject({
      name: 'handoff-clock',
      opts: { jobId: handoffClockJobId(h.id, 1, at.signDueAt!) },
    });
    // the test clock runs on while the reconciler works
    expect(timer.opts.delay).toBeGreaterThan(25_000);
    expect(timer.opts.delay).toBeLessThanOrEqual(30_000);
  });
});
