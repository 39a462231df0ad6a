import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

// Friday 18 September 2026, 15:30 in Beijing: the weekend ahead has a make-up workday
// (Sunday 20 September), then 中秋 (25–27 September) and 国庆 (1–7 October, with Saturday
// 10 October worked), so a limit of a few workdays crosses every kind of day.
const FRIDAY = '2026-09-18T15:30:00+08:00';

let env: TestEnv;
let office: Caller;
let gaId: string;
let jyId: string;

async function issue(title: string, unitId: string, extra: Record<string, unknown> = {}) {
  const res = await office.post('/api/work-orders', {
    title,
    body: '请按期办理。',
    assignments: [{ unitId, role: 'lead' }],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; serial: string; dueAt: string; tasks: TaskJson[] };
}
interface TaskJson {
  id: string;
  dueAt: string;
  signDueAt: string;
  status: string;
}

async function sheetRows(payload: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
  });
  return rows;
}

beforeAll(async () => {
  env = await createTestEnv({ sessionMaxHours: 24 * 365 }, { now: FRIDAY });
  office = await env.as('office');
  gaId = await env.unitId('ga');
  jyId = await env.unitId('jy');
});
afterAll(() => env.close());

describe('the due-date preview', () => {
  it('names the day an order issued now gets, on the workday calendar, and the order gets it', async () => {
    env.clock.set(FRIDAY);
    const preview = await office.get('/api/work-orders/due-preview?dueInWorkdays=10');
    expect(preview.statusCode, preview.body).toBe(200);
    // 20 (调休), 21–24, 28–30 September, 8 and 9 October: the tenth workday is a Friday
    expect(preview.json()).toMatchObject({
      due: {
        at: '2026-10-09T15:59:59.999Z',
        day: '2026年10月9日（星期五）',
        words: '2026年10月9日（星期五）23:59',
      },
      signDue: { day: '2026年9月20日（星期日）' },
      rule: { amount: 10, unit: 'workday' },
      workdays: 10,
      provisional: false,
    });
    const order = await issue('预览期限核对：十个工作日', gaId, { dueInWorkdays: 10 });
    expect(order.dueAt).toBe(preview.json().due.at);
    expect(order.tasks[0].dueAt).toBe(preview.json().due.at);
    expect(order.tasks[0].signDueAt).toBe(preview.json().signDue.at);

    // one more workday is the Saturday worked for 国庆
    const saturday = (await office.get('/api/work-orders/due-preview?dueInWorkdays=11')).json();
    expect(saturday.due.day).toBe('2026年10月10日（星期六）');
  });

  it('falls back to the policy for the priority, as issuing does, across the holiday', async () => {
    // Wednesday 30 September, 16:00: the last workday before 国庆
    env.clock.set('2026-09-30T16:00:00+08:00');
    const normal = (await office.get('/api/work-orders/due-preview')).json();
    // the default five workdays: 8, 9, 10 (Saturday, worked), 12, 13 October
    expect(normal).toMatchObject({
      due: { day: '2026年10月13日（星期二）' },
      rule: { amount: 5, unit: 'workday' },
      workdays: 5,
    });
    const order = await issue('预览期限核对：默认期限', jyId);
    expect(order.dueAt).toBe(normal.due.at);
    const urgent = (await office.get('/api/work-orders/due-preview?priority=urgent')).json();
    expect(urgent).toMatchObject({ due: { day: '2026年9月30日（星期三）' }, workdays: 0 });
    const urgentOrder = await issue('预览期限核对：特急', jyId, { priority: 'urgent' });
    expect(urgentOrder.dueAt).toBe(urgent.due.at);
    env.clock.set(FRIDAY);
  });

  it('is the office’s, and refuses what issuing refuses, naming the field', async () => {
    const tooMany = await office.get('/api/work-orders/due-preview?dueInWorkdays=251');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].field).toBe('querystring.dueInWorkdays');
    const notNumber = await office.get('/api/work-orders/due-preview?dueInWorkdays=abc');
    expect(notNumber.statusCode).toBe(400);
    const past = await office.get('/api/work-orders/due-preview?dueAt=2026-09-01T00:00:00%2B08:00');
    // a time already past is the rule issuing applies (422), pointed at the query's field
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0].field).toBe('querystring.dueAt');
    const unit = await env.as('unit-ga');
    expect((await unit.get('/api/work-orders/due-preview')).statusCode).toBe(403);
  });
});

describe('numbers too large are refused with the field named, never clamped', () => {
  it('work order, policy, calendar year and routing-rule thresholds', async () => {
    const order = await office.post('/api/work-orders', {
      title: '期限过长',
      body: '不应下发。',
      dueInWorkdays: 251,
      assignments: [{ unitId: gaId, role: 'lead' }],
    });
    expect(order.statusCode).toBe(400);
    expect(order.json().errors.map((e: { field: string }) => e.field)).toContain(
      'body.dueInWorkdays',
    );

    const { policy, version } = (await office.get('/api/policy')).json();
    const put = await office.request({
      method: 'PUT',
      url: '/api/policy',
      payload: { policy: { ...policy, signWithin: { amount: 100_001, unit: 'workday' } }, version },
    });
    expect(put.statusCode).toBe(400);
    expect(put.json().errors[0].field).toBe('body.policy.signWithin.amount');
    expect((await office.get('/api/policy')).json().version).toBe(version);

    const year = await office.get('/api/calendar/2101');
    expect(year.statusCode).toBe(400);
    expect(year.json().errors[0].field).toBe('params.year');

    const rule = (conditions: object) =>
      office.post('/api/routing-rules', { name: '阈值过大', conditions, targetUnitId: gaId });
    for (const [field, value] of [
      ['minParticipants', 10_000_001],
      ['minLevels', 1001],
      ['minAmountYuan', 1e14],
    ] as const) {
      const res = await rule({ [field]: value });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors[0].field).toBe(`body.conditions.${field}`);
    }
    const before = (await office.get('/api/routing-rules')).json().items.length;
    expect((await rule({ minParticipants: 10_000_000 })).statusCode).toBe(201);
    expect((await office.get('/api/routing-rules')).json().items.length).toBe(before + 1);
  });
});

describe('several statuses in one request', () => {
  it('answers the tab’s statuses, paged, with the total', async () => {
    const ga = await env.as('unit-ga');
    const a = await issue('多状态：待签收', gaId);
    const b = await issue('多状态：办理中', gaId);
    await ga.post(`/api/tasks/${b.tasks[0].id}/accept`, {});
    const c = await issue('多状态：已反馈', gaId);
    await ga.post(`/api/tasks/${c.tasks[0].id}/accept`, {});
    await ga.post(`/api/tasks/${c.tasks[0].id}/report`, { summary: '已办结。' });
    const statuses = async (query: string) => {
      const res = await ga.get(`/api/tasks?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: TaskJson[]; total?: number };
    };
    const mine = await statuses('offset=0&limit=100');
    const doing = await statuses('status=issued,accepted&offset=0&limit=100');
    const expected = mine.items.filter((t) => ['issued', 'accepted'].includes(t.status));
    expect(doing.total).toBe(expected.length);
    expect(doing.items.map((t) => t.id).sort()).toEqual(expected.map((t) => t.id).sort());
    expect(doing.items.map((t) => t.id)).toEqual(
      expect.arrayContaining([a.tasks[0].id, b.tasks[0].id]),
    );
    expect(doing.items.map((t) => t.id)).not.toContain(c.tasks[0].id);
    // a page of one still counts them all
    const first = await statuses('status=issued,accepted&offset=0&limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(expected.length);
    // the inbox's cursor pages take several too
    const cursor = await statuses('status=accepted,reported&limit=50');
    expect(cursor.items.map((t) => t.id).sort()).toEqual(
      mine.items
        .filter((t) => ['accepted', 'reported'].includes(t.status))
        .map((t) => t.id)
        .sort(),
    );
    expect(cursor.total).toBeUndefined();
    expect((await ga.get('/api/tasks?status=issued,bogus')).statusCode).toBe(400);
    expect((await ga.get('/api/tasks?status=issued&status=accepted')).statusCode).toBe(400);
  });
});

describe('exports honour the list filters', () => {
  it('the task ledger holds exactly the rows the list shows', async () => {
    const keyword = '导出筛选';
    await issue(`${keyword}：公安`, gaId, { dueInWorkdays: 3 });
    await issue(`${keyword}：教育`, jyId, { dueInWorkdays: 3 });
    await issue('不在导出之列', gaId, { dueInWorkdays: 3 });
    const filters = `q=${encodeURIComponent(keyword)}&unitId=${gaId}&status=issued`;
    const listed = (await office.get(`/api/tasks?${filters}&offset=0&limit=100`)).json();
    expect(listed.total).toBe(1);
    const res = await office.get(`/api/exports/tasks.xlsx?${filters}`);
    expect(res.statusCode).toBe(200);
    const rows = await sheetRows(res.rawPayload);
    expect(rows[0]).toContain('交办单号');
    expect(rows.slice(1).map((r) => r[1])).toEqual([`${keyword}：公安`]);
    // without filters, every task the office sees
    const all = await sheetRows((await office.get('/api/exports/tasks.xlsx')).rawPayload);
    const total = (await office.get('/api/tasks?offset=0&limit=1')).json().total;
    expect(all.length - 1).toBe(total);
    // the list's refusals are the export's
    expect(
      (await office.get('/api/exports/tasks.xlsx?dueFrom=2026-10-02&dueTo=2026-10-01')).statusCode,
    ).toBe(400);
    expect((await office.get('/api/exports/tasks.xlsx?status=nope')).statusCode).toBe(400);
  });

  it('the clue ledger holds exactly the rows the clue list shows', async () => {
    const clue = (name: string, channel: string) =>
      office.post('/api/clues', {
        channel,
        subject: { name },
        township: '红星街道',
        category: 'online',
        description: '以“消费返利”为名发展下线，层级计酬。',
      });
    expect((await clue('导出线索甲商贸', 'hotline')).statusCode).toBe(201);
    expect((await clue('导出线索乙商贸', 'online')).statusCode).toBe(201);
    const filters = `q=${encodeURIComponent('导出线索')}&channel=hotline`;
    const listed = (await office.get(`/api/clues?${filters}&offset=0`)).json();
    expect(listed.total).toBe(1);
    const rows = await sheetRows(
      (await office.get(`/api/exports/clues.xlsx?${filters}`)).rawPayload,
    );
    expect(rows.slice(1).map((r) => r[2])).toEqual(['导出线索甲商贸']);
    expect(
      (await office.get('/api/exports/clues.xlsx?from=2026-10-02&to=2026-10-01')).statusCode,
    ).toBe(400);
  });
});

describe('办理记录 names the person and the unit', () => {
  it('each entry carries the actor’s name and unit; a decided extension says what was decided', async () => {
    const order = await issue('办理记录核对', gaId, { dueInWorkdays: 5 });
    const id = order.tasks[0].id;
    const ga = await env.as('unit-ga');
    await ga.post(`/api/tasks/${id}/accept`, {});
    const asked = await ga.post(`/api/tasks/${id}/extension-requests`, {
      requestedDueAt: '2026-10-13T23:59:59+08:00',
      reason: '涉案人员较多，需延期核查。',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const decided = await office.post(`/api/extension-requests/${asked.json().id}/decision`, {
      approve: true,
      comment: '同意。',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const events = (await ga.get(`/api/tasks/${id}`)).json().events as {
      action: string;
      actorName: string | null;
      actorUnit: string | null;
      note: string | null;
    }[];
    const of = (action: string) => events.find((e) => e.action === action)!;
    expect(of('issue')).toMatchObject({ actorName: '打传办值班员', actorUnit: null });
    expect(of('accept')).toMatchObject({ actorName: '公安联络员', actorUnit: '区公安分局' });
    expect(of('decide_extension')).toMatchObject({
      actorName: '打传办值班员',
      note: '同意延期至 2026年10月13日（星期二）。同意。',
    });
  });
});
