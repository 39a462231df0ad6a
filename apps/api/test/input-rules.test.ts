import { FIGURE_KEYS } from '@lianxi/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

/**
 * Rules a clerk would trip over: every refusal is a 400 problem+json naming the field, in
 * Chinese, and changes nothing. "Now" is pinned to mid-2026, so the last year a clerk may
 * type is 2027.
 */
let env: TestEnv;
let office: Caller;
let ga: Caller;
beforeAll(async () => {
  env = await createTestEnv({}, { now: '2026-06-15T10:00:00+08:00' });
  office = await env.as('office');
  ga = await env.as('unit-ga');
});
afterAll(() => env.close());

const ZERO = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0]));
const TABLES = ['clues', 'meetings', 'letters', 'stat_reports', 'briefings', 'work_orders'];

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const [{ n }] = await env.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = n;
  }
  return out;
}

/** A refusal: 400, problem+json, the field named with a Chinese message, nothing stored. */
async function refused(
  send: () => Promise<LightMyRequestResponse>,
  field: string,
  message?: string | RegExp,
) {
  const before = await counts();
  const res = await send();
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  const named = body.errors.find((e: { field: string }) => e.field === field);
  expect(named, JSON.stringify(body.errors)).toBeDefined();
  expect(named.message).toMatch(/[\u4e00-\u9fff]/);
  if (message) expect(named.message).toMatch(message);
  expect(await counts()).toEqual(before);
}

const clue = (extra: Record<string, unknown> = {}, subject: Record<string, unknown> = {}) => ({
  channel: 'hotline',
  subject: { name: '某某商贸有限公司', ...subject },
  category: 'online',
  description: '以“消费返利”为名发展下线。',
  ...extra,
});

describe('codes and numbers as typed', () => {
  it('a credit code with a wrong check character is refused; the right one is taken', async () => {
    await refused(
      () => office.post('/api/clues', clue({}, { creditCode: '914403001922038217' })),
      'body.subject.creditCode',
      '统一社会信用代码校验位不正确，请核对后重新输入',
    );
    await refused(
      () => office.post('/api/clues', clue({}, { creditCode: '9144030019220382' })),
      'body.subject.creditCode',
      /18位/,
    );
    const ok = await office.post('/api/clues', clue({}, { creditCode: '9144030071526726xg' }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().subject.creditCode).toBe('9144030071526726XG');
  });

  it('a phone number must be a mobile or a landline with its area code', async () => {
    for (const phone of ['12345', '2345678901', '1391234567']) {
      await refused(
        () => office.post('/api/clues', clue({ reporter: { name: '张三', phone } })),
        'body.reporter.phone',
        /电话号码格式不正确/,
      );
    }
    const landline = await office.post(
      '/api/clues',
      clue({ reporter: { name: '张三', phone: '0755-1234567-801' } }, { name: '另一家公司' }),
    );
    expect(landline.statusCode, landline.body).toBe(201);
  });

  it('numbers too large are refused, not clamped', async () => {
    await refused(
      () => office.post('/api/clues', clue({ participants: 10_000_001 })),
      'body.participants',
    );
    await refused(
      () =>
        ga.post('/api/stat-reports', {
          month: '2026-05',
          figures: { ...ZERO, finesYuan: 100_000_001 },
        }),
      'body.figures.finesYuan',
    );
  });
});

describe('control characters', () => {
  it('C0 and C1 are refused in Text fields and in fields built otherwise', async () => {
    await refused(
      () =>
        office.post('/api/work-orders', {
          title: '排查窝点\u0085（C1）',
          body: '请核查。',
          assignments: [],
        }),
      'body.title',
      '不能包含控制字符',
    );
    await refused(
      () => office.post('/api/clues', clue({}, { url: 'http://fanli\u009b.example.cn' })),
      'body.subject.url',
      '不能包含控制字符',
    );
    await refused(
      () => office.post('/api/clues', clue({ description: '发展\u0000下线' })),
      'body.description',
      '不能包含控制字符',
    );
  });
});

describe('years held to 2000..next year', () => {
  const meeting = (heldAt: string) => ({ kind: 'regular', title: '打传工作例会', heldAt });

  it('a meeting cannot be held in year 607, 2999, or beyond next year', async () => {
    for (const heldAt of ['0607-05-20T09:00:00+08:00', '2999-05-20T09:00:00+08:00']) {
      await refused(() => office.post('/api/meetings', meeting(heldAt)), 'body.heldAt', /年份/);
    }
    await refused(
      () => office.post('/api/meetings', meeting('2028-01-10T09:00:00+08:00')),
      'body.heldAt',
      '年份应在 2000 年至 2027 年之间',
    );
    const ok = await office.post('/api/meetings', meeting('2027-01-10T09:00:00+08:00'));
    expect(ok.statusCode, ok.body).toBe(201);
    const held = ok.json();
    // a correction to an impossible year is refused too, and the record is unchanged
    await refused(
      () =>
        office.patch(`/api/meetings/${held.id}`, {
          heldAt: '2028-03-01T09:00:00+08:00',
          version: held.version,
        }),
      'body.heldAt',
    );
    expect((await office.get(`/api/meetings/${held.id}`)).json()).toMatchObject({
      heldAt: held.heldAt,
      version: held.version,
    });
  });

  it('a letter year of 90 or 2028 is refused, never turned into another year', async () => {
    const letter = async (year: number) =>
      office.post('/api/letters', {
        year,
        unitId: await env.unitId('ga'),
        title: '年度打击传销工作目标管理责任书',
        indicators: [{ kind: 'manual', name: '宣传教育', points: 100 }],
      });
    await refused(() => letter(90), 'body.year', /年份/);
    await refused(() => letter(2028), 'body.year', '年份应在 2000 年至 2027 年之间');
    const ok = await letter(2027);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().year).toBe(2027);
  });

  it("a month's figures outside the window are refused", async () => {
    await refused(
      () => ga.post('/api/stat-reports', { month: '1999-12', figures: ZERO }),
      'body.month',
    );
    await refused(
      () => ga.post('/api/stat-reports', { month: '2028-01', figures: ZERO }),
      'body.month',
      '年份应在 2000 年至 2027 年之间',
    );
  });

  it('a summary or a briefing over impossible years is refused', async () => {
    for (const [q, field] of [
      ['from=1999-01&to=2026-05', 'querystring.from'],
      ['from=2026-01&to=2028-01', 'querystring.to'],
    ]) {
      const res = await office.get(`/api/stats/summary?${q}&groupBy=month`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    await refused(
      () => office.post('/api/briefings', { from: '0607-01-01', to: '2026-05-31' }),
      'body.from',
    );
    await refused(
      () => office.post('/api/briefings', { from: '2026-05-01', to: '2028-05-31' }),
      'body.to',
      '年份应在 2000 年至 2027 年之间',
    );
  });
});
