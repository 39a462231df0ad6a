import { processDueClocks } from '@lianxi/core';
import {
  addDays,
  addWorkdays,
  buildCalendar,
  endOfLocalDay,
  isWorkday,
  localDate,
  TIMER_WINDOW_MS,
} from '@lianxi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLED_CALENDAR_YEARS,
  officialExceptions,
} from '../../../packages/core/src/seed/official-calendar.js';
import { beijingYear } from '../../../test/support/clock.js';
import { taskInstants } from '../../../test/support/deadlines.js';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
let office: Caller;
let ga: Caller;
let scjg: Caller;
let units: Record<string, string>;
beforeAll(async () => {
  // these tests travel days ahead; logins must outlive the journey
  env = await createTestEnv({ sessionMaxHours: 24 * 365 });
  office = await env.as('office');
  ga = await env.as('unit-ga');
  scjg = await env.as('unit-scjg');
  units = Object.fromEntries(
    (await env.sql<{ code: string; id: string }>('SELECT code, id FROM units')).map((u) => [
      u.code,
      u.id,
    ]),
  );
});
afterAll(() => env.close());

const DAY = 86_400_000;
const TZ = 'Asia/Shanghai';
/** The schedule the test world is seeded with (later years count Monday–Friday). */
const calendar = (() => {
  const years: number[] = [];
  for (let y = BUNDLED_CALENDAR_YEARS.from; y <= BUNDLED_CALENDAR_YEARS.to; y++) years.push(y);
  return buildCalendar(years, years.flatMap(officialExceptions));
})();
const localTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(11, 19);
const engine = () => ({
  db: env.database.db,
  clock: env.clock,
  log: { info() {}, warn() {}, error() {}, debug() {} },
});

async function issue(
  assignments: { code: string; role: 'lead' | 'assist' }[],
  extra: Record<string, unknown> = {},
) {
  const res = await office.post('/api/work-orders', {
    title: '排查某小区聚集型传销窝点',
    body: '根据群众举报，请核查并依法处置。',
    assignments: assignments.map((a) => ({ unitId: units[a.code], role: a.role })),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const taskOf = (order: { tasks: { id: string; unitId: string }[] }, code: string) =>
  order.tasks.find((t) => t.unitId === units[code])!.id;

describe('issuing a work order', () => {
  it('numbers it 打传交〔year〕N号 and gives each unit a task with sign-for and due clocks', async () => {
    const first = await issue([
      { code: 'ga', role: 'lead' },
      { code: 'scjg', role: 'assist' },
    ]);
    const second = await issue([{ code: 'ga', role: 'lead' }]);
    const year = beijingYear(env.clock.now());
    expect(first.serial).toMatch(new RegExp(`^打传交〔${year}〕\\d+号$`));
    expect(Number(second.serial.match(/〕(\d+)号/)[1])).toBe(
      Number(first.serial.match(/〕(\d+)号/)[1]) + 1,
    );
    expect(first.status).toBe('open');
    expect(first.tasks).toHaveLength(2);
    for (const t of first.tasks) {
      expect(t.status).toBe('issued');
      expect(new Date(t.signDueAt).getTime()).toBeLessThan(new Date(t.dueAt).getTime());
      expect(t.deadlineVersion).toBe(1);
    }
    const [row] = await env.sql<{ next_check_at: Date }>(
      'SELECT next_check_at FROM tasks WHERE id = $1',
      [first.tasks[0].id],
    );
    expect(row.next_check_at).not.toBeNull();
    const audit = await env.sql(
      "SELECT 1 FROM audit_log WHERE action = 'work_order.issued' AND subject_id = $1",
      [first.id],
    );
    expect(audit).toHaveLength(1);
    // the first check (sign-for) is a workday away: the reconciler arms its timer within the
    // hour before it, so none is asked for now
    expect(row.next_check_at.getTime() - env.clock.now().getTime()).toBeGreaterThan(
      TIMER_WINDOW_MS,
    );
    const outbox = await env.sql(
      "SELECT 1 FROM outbox WHERE queue = 'deadlines' AND payload->>'taskId' = $1",
      [first.tasks[0].id],
    );
    expect(outbox).toHaveLength(0);
    // the order as issued is the order as read back: every field, every task, in order
    for (const issued of [first, second]) {
      expect((await office.get(`/api/work-orders/${issued.id}`)).json()).toEqual(issued);
    }
  });

  it('refuses bad orders with field errors and writes nothing', async () => {
    const [{ before }] = await env.sql<{ before: number }>(
      'SELECT count(*)::int AS before FROM work_orders',
    );
    const twoLeads = await office.post('/api/work-orders', {
      title: '两个主办',
      body: 'x',
      assignments: [
        { unitId: units.ga, role: 'lead' },
        { unitId: units.jy, role: 'lead' },
      ],
    });
    expect(twoLeads.statusCode).toBe(400);
    expect(twoLeads.json().errors[0]).toMatchObject({
      field: 'body.assignments',
      message: '必须且只能指定一个主办单位',
    });
    const stranger = await office.post('/api/work-orders', {
      title: '外单位',
      body: 'x',
      assignments: [{ unitId: '00000000-0000-4000-8000-000000000001', role: 'lead' }],
    });
    expect(stranger.statusCode).toBe(422);
    const past = await office.post('/api/work-orders', {
      title: '过去的期限',
      body: 'x',
      dueAt: '2020-01-01T00:00:00+08:00',
      assignments: [{ unitId: units.ga, role: 'lead' }],
    });
    expect(past.statusCode).toBe(422);
    expect(
      (
        await ga.post('/api/work-orders', {
          title: '越权',
          body: 'x',
          assignments: [{ unitId: units.ga, role: 'lead' }],
        })
      ).statusCode,
    ).toBe(403);
    const [{ after }] = await env.sql<{ after: number }>(
      'SELECT count(*)::int AS after FROM work_orders',
    );
    expect(after).toBe(before);
  });
  it('text that array parameters must escape is stored exactly, and the audit chain holds', async () => {
    // bulk writes send each column as one array: quotes, backslashes, braces, commas and
    // the word NULL are what an array literal has to escape
    const title = '引号"与\\反斜杠{花括号},逗号 NULL \'单引号\' \\"末尾';
    const order = await issue([{ code: 'ga', role: 'lead' }], { title });
    const notice = (await ga.get('/api/notifications'))
      .json()
      .items.find((n: { subjectId: string | null }) => n.subjectId === order.id);
    expect(notice.body).toBe(`《${title}》，请及时签收办理。`);
    const [audit] = await env.sql<{ payload: { title: string } }>(
      "SELECT payload FROM audit_log WHERE action = 'work_order.issued' AND subject_id = $1",
      [order.id],
    );
    expect(audit.payload.title).toBe(title);
    expect((await office.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('keeps issuing when a migration adds columns while the API runs', async () => {
    // the statements of this path are prepared once per connection: one that returned `*`
    // would be refused by PostgreSQL from then on ("cached plan must not change result type")
    await issue([{ code: 'ga', role: 'lead' }]);
    const tables = ['tasks', 'work_orders', 'conferences'];
    for (const t of tables) await env.sql(`ALTER TABLE ${t} ADD COLUMN later_note text`);
    try {
      for (let i = 0; i < 3; i++) await issue([{ code: 'scjg', role: 'lead' }]);
    } finally {
      for (const t of tables) await env.sql(`ALTER TABLE ${t} DROP COLUMN later_note`);
    }
    await issue([{ code: 'ga', role: 'lead' }]);
  });

  it("tells every active user of the assigned units, and queues the push of a unit's robot", async () => {
    // a second account of 市场监管, then disabled; and a robot for 市场监管 only
    const [ga1] = await env.sql<{ id: string }>("SELECT id FROM users WHERE username = 'unit-ga'");
    const [spare] = await env.sql<{ id: string }>(
      `INSERT INTO users (conference_id, username, display_name, password_hash, role, unit_id,
                          disabled_at)
       SELECT conference_id, 'scjg-spare', '停用账号', password_hash, role, unit_id, now()
         FROM users WHERE username = 'unit-scjg' RETURNING id`,
    );
    await env.sql(
      "UPDATE units SET webhook_url = 'https://robot.example/scjg' WHERE code = 'scjg'",
    );
    try {
      const order = await issue([
        { code: 'ga', role: 'lead' },
        { code: 'scjg', role: 'assist' },
      ]);
      const told = await env.sql<{ user_id: string; username: string }>(
        `SELECT n.user_id, u.username FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.subject_id = $1 ORDER BY u.username`,
        [order.id],
      );
      expect(told.map((n) => n.username)).toEqual(['unit-ga', 'unit-scjg']);
      expect(told.map((n) => n.user_id)).not.toContain(spare.id);
      expect(told[0].user_id).toBe(ga1.id);
      const pushes = await env.sql<{ unit_id: string }>(
        `SELECT payload->>'unitId' AS unit_id FROM outbox
          WHERE queue = 'notifications' AND job_id LIKE $1`,
        [`%work-order-issued-${order.id}%`],
      );
      expect(pushes.map((p) => p.unit_id)).toEqual([units.scjg]);
    } finally {
      await env.sql("UPDATE units SET webhook_url = NULL WHERE code = 'scjg'");
      await env.sql("DELETE FROM users WHERE username = 'scjg-spare'");
    }
  });
});

describe('the lifecycle', () => {
  it('sign for → progress → report → approve closes the task and the order', async () => {
    const order = await issue([{ code: 'ga', role: 'lead' }]);
    const id = taskOf(order, 'ga');
    expect((await ga.post(`/api/tasks/${id}/accept`, {})).json().status).toBe('accepted');
    expect((await ga.post(`/api/tasks/${id}/progress`, { note: '已组织摸排' })).statusCode).toBe(
      200,
    );
    const reported = await ga.post(`/api/tasks/${id}/report`, {
      summary: '捣毁窝点一处，遣返 12 人',
    });
    expect(reported.json().status).toBe('reported');
    expect(reported.json().officeDueAt).not.toBeNull();
    expect((await ga.post(`/api/tasks/${id}/review`, { approve: true })).statusCode).toBe(403);
    const closed = await office.post(`/api/tasks/${id}/review`, {
      approve: true,
      comment: '同意办结',
    });
    expect(closed.json().status).toBe('closed');
    expect(closed.json().events.map((e: { action: string }) => e.action)).toEqual([
      'issue',
      'accept',
      'progress',
      'report',
      'approve',
    ]);
    expect((await office.get(`/api/work-orders/${order.id}`)).json().status).toBe('closed');
    const [row] = await env.sql<{ next_check_at: Date | null }>(
      'SELECT next_check_at FROM tasks WHERE id = $1',
      [id],
    );
    expect(row.next_check_at).toBeNull();
    expect((await office.get('/api/audit/verify')).json().ok).toBe(true);
  });

  it('an action the state does not allow is a 409 naming the state', async () => {
    const order = await issue([{ code: 'ga', role: 'lead' }]);
    const id = taskOf(order, 'ga');
    const res = await ga.post(`/api/tasks/${id}/report`, { summary: '未签收就反馈' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('任务当前状态为“待签收”，不能反馈办理结果');
    expect((await ga.post(`/api/tasks/${id}/accept`, { version: 99 })).statusCode).toBe(409);
  });

  it('20 concurrent accept / return calls on one task version: exactly one succeeds, the rest 409', async () => {
    const order = await issue([{ code: 'ga', role: 'lead' }]);
    const id = taskOf(order, 'ga');
    // each caller saw the same version; a return after an accept is legal only with the new one
    const { version } = order.tasks[0];
    const calls = Array.from({ length: 20 }, (_, i) =>
      i % 2
        ? ga.post(`/api/tasks/${id}/accept`, { version })
        : ga.post(`/api/tasks/${id}/return`, { reason: '不属于本单位职责', version }),
    );
    const codes = (await Promise.all(calls)).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    const events = await env.sql(
      "SELECT action FROM task_events WHERE task_id = $1 AND action <> 'issue'",
      [id],
    );
    expect(events).toHaveLength(1);
  });
});

describe('scope', () => {
  it("a unit user gets 404 for another unit's task and never sees it in lists", async () => {
    const order = await issue([{ code: 'scjg', role: 'lead' }]);
    const id = taskOf(order, 'scjg');
    expect((await ga.get(`/api/tasks/${id}`)).statusCode).toBe(404);
    expect((await ga.post(`/api/tasks/${id}/accept`, {})).statusCode).toBe(404);
    expect((await ga.get(`/api/tasks/${id}/escalations`)).statusCode).toBe(404);
    expect((await ga.get(`/api/work-orders/${order.id}`)).statusCode).toBe(404);
    const listed = (await ga.get(`/api/tasks?unitId=${units.scjg}&limit=200`)).json().items;
    expect(listed.every((t: { unitId: string }) => t.unitId === units.ga)).toBe(true);
    expect(listed.map((t: { id: string }) => t.id)).not.toContain(id);
    const orders = (await ga.get('/api/work-orders?limit=200'))
      .json()
      .items.map((o: { id: string }) => o.id);
    expect(orders).not.toContain(order.id);
    // the owner and the office do see it
    expect((await scjg.get(`/api/tasks/${id}`)).statusCode).toBe(200);
    expect((await office.get(`/api/tasks/${id}`)).statusCode).toBe(200);
  });

  it('in a shared order a unit sees only its own task', async () => {
    const order = await issue([
      { code: 'ga', role: 'lead' },
      { code: 'scjg', role: 'assist' },
    ]);
    const seen = (await ga.get(`/api/work-orders/${order.id}`)).json().tasks;
    expect(seen.map((t: { unitId: string }) => t.unitId)).toEqual([units.ga]);
  });
});

describe('returns and rulings', () => {
  it("a returned task's clocks stop, and an overrule moves its deadlines on by the wait", async () => {
    const order = await issue([{ code: 'jy', role: 'lead' }]);
    const id = taskOf(order, 'jy');
    const jy = await env.as('unit-jy');
    const before = (await jy.get(`/api/tasks/${id}`)).json();
    expect(
      (await jy.post(`/api/tasks/${id}/return`, { reason: '涉及刑事案件，应由公安承办' })).json()
        .status,
    ).toBe('returned');

    // the office owes a ruling: its own limit passes, then its 督办 and 挂牌督办 steps, while
    // the unit's clock, long past its due time by the end, does not run
    const instants = await taskInstants(env, id);
    const supervisor = await env.as('supervisor');
    const officeLevels = async () =>
      (
        await env.sql<{ level: number }>(
          "SELECT level FROM escalations WHERE task_id = $1 AND reason = 'office_overdue' ORDER BY level",
          [id],
        )
      ).map((r) => r.level);
    const onBoard = async () =>
      (
        (await supervisor.get('/api/supervision/overdue')).json().items as { taskId: string }[]
      ).find((i) => i.taskId === id);
    env.clock.passTo(instants.officeDueAt!);
    await processDueClocks(engine());
    expect(await officeLevels()).toEqual([1]);
    expect(await onBoard()).toMatchObject({
      owedBy: 'office',
      colour: 'yellow',
      status: 'returned',
    });
    expect(instants.officeLevel2At!.getTime()).toBeGreaterThan(instants.officeDueAt!.getTime());
    expect(instants.officeLevel3At!.getTime()).toBeGreaterThan(instants.officeLevel2At!.getTime());
    env.clock.passTo(instants.officeLevel2At!);
    await processDueClocks(engine());
    expect(await officeLevels()).toEqual([1, 2]);
    expect(await onBoard()).toMatchObject({ owedBy: 'office', colour: 'orange' });
    env.clock.passTo(
      new Date(Math.max(instants.officeLevel3At!.getTime(), instants.level3At.getTime())),
    );
    await processDueClocks(engine());
    expect(await officeLevels()).toEqual([1, 2, 3]);
    expect(await onBoard()).toMatchObject({ owedBy: 'office', colour: 'red' });
    const leaderNotices = (await (await env.as('leader')).get('/api/notifications')).json()
      .items as {
      title: string;
    }[];
    expect(
      leaderNotices.some(
        (n) => n.title.startsWith('【挂牌督办】') && n.title.includes('退回逾期未审定'),
      ),
    ).toBe(true);
    await processDueClocks(engine());
    expect(await officeLevels()).toEqual([1, 2, 3]); // once per level
    const overdue = await env.sql(
      "SELECT 1 FROM escalations WHERE task_id = $1 AND reason = 'overdue'",
      [id],
    );
    expect(overdue).toHaveLength(0); // the unit's clock did not run
    const [{ level }] = await env.sql<{ level: number }>(
      'SELECT escalation_level AS level FROM tasks WHERE id = $1',
      [id],
    );
    expect(level).toBe(0);

    const ruled = (
      await office.post(`/api/tasks/${id}/ruling`, {
        decision: 'overrule',
        comment: '属于宣传教育职责',
      })
    ).json();
    expect(ruled.status).toBe('issued');
    // The resume rule: day-ending deadlines move on by the workdays that ended while the task
    // was with the office (the return's Beijing date included, the ruling's not), and still
    // end at 23:59:59.999 Beijing time.
    const events = await env.sql<{ action: string; at: Date }>(
      'SELECT action, at FROM task_events WHERE task_id = $1 ORDER BY id',
      [id],
    );
    const returnedOn = localDate(events.find((e) => e.action === 'return')!.at, TZ);
    const ruledOn = localDate(events.find((e) => e.action === 'overrule')!.at, TZ);
    let workdays = 0;
    for (let d = returnedOn; d < ruledOn; d = addDays(d, 1)) if (isWorkday(calendar, d)) workdays++;
    // the wait outlasted the office's two-workday limit, holidays or not, so it moved something
    expect(workdays).toBeGreaterThanOrEqual(2);
    const movedOn = (iso: string) =>
      endOfLocalDay(addWorkdays(calendar, localDate(new Date(iso), TZ), workdays).value, TZ);
    expect(ruled.dueAt).toBe(movedOn(before.dueAt).toISOString());
    expect(ruled.signDueAt).toBe(movedOn(before.signDueAt).toISOString());
    expect(localTime(ruled.dueAt)).toBe('23:59:59');
    expect(ruled.deadlineVersion).toBe(before.deadlineVersion + 1);
    const after = (await (await env.as('supervisor')).get('/api/supervision/overdue')).json().items;
    expect(after.map((i: { taskId: string }) => i.taskId)).not.toContain(id);
  });

  it('a reassignment ends the task and issues a new one to the other unit', async () => {
    const order = await issue([{ code: 'mz', role: 'lead' }]);
    const id = taskOf(order, 'mz');
    const mz = await env.as('unit-mz');
    await mz.post(`/api/tasks/${id}/return`, { reason: '应由公安机关处置' });
    const bad = await office.post(`/api/tasks/${id}/ruling`, { decision: 'reassign' });
    expect(bad.statusCode).toBe(400);
    const res = await office.post(`/api/tasks/${id}/ruling`, {
      decision: 'reassign',
      unitId: units.ga,
    });
    expect(res.json().status).toBe('reassigned');
    const tasks = (await office.get(`/api/work-orders/${order.id}`)).json().tasks;
    const fresh = tasks.find((t: { unitId: string }) => t.unitId === units.ga);
    expect(fresh).toMatchObject({ status: 'issued', role: 'lead' });
    expect((await ga.get(`/api/tasks/${fresh.id}`)).statusCode).toBe(200);
  });

  it('no return after the return window', async () => {
    const order = await issue([{ code: 'sf', role: 'lead' }]);
    const id = taskOf(order, 'sf');
    env.clock.passTo((await taskInstants(env, id)).returnDueAt!);
    const res = await (
      await env.as('unit-sf')
    ).post(`/api/tasks/${id}/return`, { reason: '太晚了' });
    expect(res.statusCode).toBe(422);
  });
});

describe('extensions', () => {
  it('a unit asks, the office approves: new due time, new deadline version, escalations reset', async () => {
    const order = await issue([{ code: 'cz', role: 'lead' }]);
    const id = taskOf(order, 'cz');
    const cz = await env.as('unit-cz');
    await cz.post(`/api/tasks/${id}/accept`, {});
    const task = (await cz.get(`/api/tasks/${id}`)).json();
    const later = new Date(new Date(task.dueAt).getTime() + 3 * DAY).toISOString();
    const tooLate = new Date(new Date(task.dueAt).getTime() + 60 * DAY).toISOString();
    // the picker knows the allowance before anything is asked
    const allowance = (await cz.get(`/api/tasks/${id}/extension-allowance`)).json();
    expect(allowance).toMatchObject({ currentDueAt: task.dueAt, canRequest: true });
    expect(new Date(allowance.latestDueAt).getTime()).toBeGreaterThan(Date.parse(later));
    expect(new Date(allowance.latestDueAt).getTime()).toBeLessThan(Date.parse(tooLate));
    expect(
      (await (await env.as('unit-ga')).get(`/api/tasks/${id}/extension-allowance`)).statusCode,
    ).toBe(404);
    const refused = await cz.post(`/api/tasks/${id}/extension-requests`, {
      requestedDueAt: tooLate,
      reason: '经费未到位',
    });
    expect(refused.statusCode).toBe(422);
    // the allowance is told as a Beijing day with its weekday, never as an ISO instant
    expect(refused.json().detail).toBe(
      `延期累计不得超过规定上限，最晚可延期至 ${allowance.latestDay}`,
    );
    expect(allowance.latestDay).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日（星期[一二三四五六日]）$/);
    const asked = await cz.post(`/api/tasks/${id}/extension-requests`, {
      requestedDueAt: later,
      reason: '需协调财政资金',
    });
    expect(asked.statusCode).toBe(201);
    expect(
      (
        await cz.post(`/api/tasks/${id}/extension-requests`, {
          requestedDueAt: later,
          reason: '再申请一次',
        })
      ).statusCode,
    ).toBe(409);
    const decided = await office.post(`/api/extension-requests/${asked.json().id}/decision`, {
      approve: true,
    });
    expect(decided.json().status).toBe('approved');
    const after = (await cz.get(`/api/tasks/${id}`)).json();
    expect(after.dueAt).toBe(new Date(later).toISOString());
    expect(after.deadlineVersion).toBe(task.deadlineVersion + 1);
    // the 办理记录 says what was decided, and the new due day in Beijing terms
    const day = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    }).formatToParts(new Date(later));
    const part = (t: string) => day.find((p) => p.type === t)!.value;
    const decision = after.events.find((e: { action: string }) => e.action === 'decide_extension');
    expect(decision.note).toMatch(
      new RegExp(`^同意延期至 ${part('year')}年${part('month')}月${part('day')}日（星期.）$`),
    );
    expect(
      (await office.post(`/api/extension-requests/${asked.json().id}/decision`, { approve: false }))
        .statusCode,
    ).toBe(409);
  });
});

describe('withdrawing', () => {
  it('the office withdraws an open task: its clocks end, the unit is told, the order is withdrawn', async () => {
    const order = await issue([{ code: 'fgw', role: 'lead' }]);
    const id = taskOf(order, 'fgw');
    const fgw = await env.as('unit-fgw');
    expect((await fgw.post(`/api/tasks/${id}/withdraw`, { reason: '自己撤回' })).statusCode).toBe(
      403,
    );
    const res = await office.post(`/api/tasks/${id}/withdraw`, { reason: '线索经核实不属实' });
    expect(res.json().status).toBe('withdrawn');
    const [row] = await env.sql<{ next_check_at: Date | null }>(
      'SELECT next_check_at FROM tasks WHERE id = $1',
      [id],
    );
    expect(row.next_check_at).toBeNull();
    expect((await office.get(`/api/work-orders/${order.id}`)).json().status).toBe('withdrawn');
    const inbox = (await fgw.get('/api/notifications')).json().items;
    expect(
      inbox.some(
        (n: { kind: string; subjectId: string }) =>
          n.kind === 'task.withdrawn' && n.subjectId === id,
      ),
    ).toBe(true);
    expect(
      (await office.post(`/api/tasks/${id}/withdraw`, { reason: '再次撤回' })).statusCode,
    ).toBe(409);
  });
});
