import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { buildApp } from '@lianxi/api';
import { createRedis } from '@lianxi/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingYear, testStart } from '../../../test/support/clock.js';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

const year = beijingYear(testStart());

let env: TestEnv;
let office: Caller;
const REPORTER = { name: '王秘密举报人', phone: '13912345678' };

beforeAll(async () => {
  env = await createTestEnv();
  office = await env.as('office');
});
afterAll(() => env.close());

const hotline = (subject: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  channel: 'hotline',
  subject,
  township: '红星街道',
  category: 'online',
  description: '以“消费返利”为名发展下线，层级计酬。',
  participants: 60,
  levels: 4,
  amountYuan: 1200000,
  reporter: REPORTER,
  ...extra,
});

describe('clue intake', () => {
  it('numbers a new clue 打传线〔year〕N号 and never echoes the reporter', async () => {
    const res = await office.post(
      '/api/clues',
      hotline({
        name: '某某健康科技有限公司',
        creditCode: '91360100MA35XXXX0W',
        url: 'https://www.fanli-example.com/join',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      serial: `打传线〔${year}〕1号`,
      merged: false,
      reportCount: 1,
      owningUnitId: null,
    });
    expect(res.body).not.toContain(REPORTER.name);
    expect(res.body).not.toContain(REPORTER.phone);
  });

  it('merges a repeat by credit code, host name or normalised name into the open clue', async () => {
    const first = (await office.get('/api/clues')).json().items[0];
    const byCode = await office.post(
      '/api/clues',
      hotline({ name: '另一种写法', creditCode: '９１３６０１００ma35xxxx0w' }),
    );
    expect(byCode.json()).toMatchObject({ id: first.id, merged: true, reportCount: 2 });

    const site = await office.post(
      '/api/clues',
      hotline({ name: '返利网', url: 'https://pyramid-site.example.cn/a' }),
    );
    const sameHost = await office.post(
      '/api/clues',
      hotline({ name: '别名', url: 'WWW.Pyramid-Site.example.cn/b?x=1' }),
    );
    expect(sameHost.json()).toMatchObject({ id: site.json().id, merged: true });

    const named = await office.post('/api/clues', hotline({ name: '鑫盛 商贸有限公司' }));
    const sameName = await office.post('/api/clues', hotline({ name: '鑫盛商贸' }));
    expect(sameName.json()).toMatchObject({ id: named.json().id, merged: true, reportCount: 2 });
    expect(named.json().serial).toBe(`打传线〔${year}〕3号`);

    const detail = (await office.get(`/api/clues/${first.id}`)).json();
    expect(detail.reports).toHaveLength(2);
    const audit = (await office.get(`/api/audit?subjectType=clue&subjectId=${first.id}`)).json()
      .items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'clue.repeated',
      'clue.received',
    ]);
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const [{ before }] = await env.sql<{ before: number }>(
      'SELECT count(*)::int AS before FROM clue_reports',
    );
    const res = await office.post(
      '/api/clues',
      hotline(
        { name: '某公司' },
        { reporter: { name: '张三', phone: 'abc' }, category: 'pyramid' },
      ),
    );
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.category', 'body.reporter.phone']);
    const [{ after }] = await env.sql<{ after: number }>(
      'SELECT count(*)::int AS after FROM clue_reports',
    );
    expect(after).toBe(before);
  });
});

describe("the reporter's identity", () => {
  it('is shown to the office and the holding unit only', async () => {
    const ga = await env.as('unit-ga');
    const own = await ga.post('/api/clues', hotline({ name: '公安接报的窝点' }));
    expect(own.json().owningUnitId).toBe(await env.unitId('ga'));
    const id = own.json().id;
    expect((await ga.get(`/api/clues/${id}`)).json().reports[0].reporter).toEqual(REPORTER);
    expect((await office.get(`/api/clues/${id}`)).json().reports[0].reporter).toEqual(REPORTER);
    const supervised = (await (await env.as('supervisor')).get(`/api/clues/${id}`)).json();
    expect(supervised.reports[0]).not.toHaveProperty('reporter');
    expect(JSON.stringify(supervised)).not.toContain(REPORTER.phone);
    // a unit that does not hold the clue does not know it exists
    const jy = await env.as('unit-jy');
    expect((await jy.get(`/api/clues/${id}`)).statusCode).toBe(404);
    expect(
      (await jy.get('/api/clues')).json().items.map((c: { id: string }) => c.id),
    ).not.toContain(id);
  });

  it('never appears in lists, in the audit chain, or anywhere in the database in plain text', async () => {
    const list = await office.get('/api/clues?limit=200');
    expect(list.body).not.toContain(REPORTER.name);
    expect(list.body).not.toContain(REPORTER.phone);
    const audit = await office.get('/api/audit?limit=200');
    expect(audit.body).not.toContain(REPORTER.name);
    expect(audit.body).not.toContain(REPORTER.phone);
    const dump = execFileSync('pg_dump', ['--data-only', env.config.databaseUrl], {
      maxBuffer: 256 * 1024 * 1024,
    }).toString();
    expect(dump).toContain('某某健康科技有限公司'); // the dump does hold the clues…
    expect(dump).not.toContain(REPORTER.name); // …but not who reported them
    expect(dump).not.toContain(REPORTER.phone);
  });

  it('never reaches the request log, even at trace level', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const redis = createRedis(env.config.redisUrl, 'producer');
    const app = await buildApp({
      ...{ config: env.config, database: env.database, redis, clock: env.clock },
      logger: { level: 'trace', stream },
      webDist: false,
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/clues',
        headers: { authorization: `Bearer ${office.token}` },
        payload: hotline({ name: '日志检查公司' }),
      });
      expect(res.statusCode).toBe(201);
      expect(lines.length).toBeGreaterThan(0);
      const log = lines.join('');
      expect(log).not.toContain(REPORTER.name);
      expect(log).not.toContain(REPORTER.phone);
    } finally {
      await app.close();
      redis.disconnect();
    }
  });
});
