import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
let office: Caller;
let ga: Caller;

const ZERO = {
  operations: 0,
  staffDeployed: 0,
  premisesChecked: 0,
  densRaided: 0,
  peopleRescued: 0,
  peopleRepatriated: 0,
  casesReferredToPolice: 0,
  criminalCasesOpened: 0,
  criminalDetentions: 0,
  arrests: 0,
  prosecutions: 0,
  adminCases: 0,
  adminDetentions: 0,
  finesYuan: 0,
  publicityEvents: 0,
  policeAlerts: 0,
  pyramidFreeCommunities: 0,
};
const figures = (f: Partial<typeof ZERO>) => ({ ...ZERO, ...f });

/** Seed 000's two years, split over two units and two months so that they add up. */
const SEED_000 = {
  operations: 202,
  densRaided: 2023,
  rescuedAndRepatriated: 6850,
  criminalDetentions: 408,
  adminDetentions: 534,
  adminCases: 373,
  prosecutions: 7,
};
const GA_APRIL = figures({
  operations: 100,
  densRaided: 1000,
  peopleRescued: 2000,
  peopleRepatriated: 1400,
  criminalDetentions: 408,
  policeAlerts: 418,
});
const GA_MAY = figures({
  operations: 30,
  densRaided: 300,
  peopleRescued: 1500,
  peopleRepatriated: 1950,
  adminDetentions: 534,
  policeAlerts: 0,
});
const SCJG_APRIL = figures({ operations: 50, densRaided: 523, adminCases: 200, prosecutions: 3 });
const SCJG_MAY = figures({ operations: 22, densRaided: 200, adminCases: 173, prosecutions: 4 });

beforeAll(async () => {
  env = await createTestEnv();
  office = await env.as('office');
  ga = await env.as('unit-ga');
});
afterAll(() => env.close());

const reportCount = async (e: TestEnv) =>
  Number((await e.sql<{ n: string }>('SELECT count(*) AS n FROM stat_reports'))[0].n);

async function upload(caller: Caller, url: string, data: Buffer, name = '月报.xlsx') {
  const boundary = '----lianxi-import';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return caller.request({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

async function docxText(data: Buffer): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, text };
}

describe('monthly figures, summaries and briefings', () => {
  it('reports are filed, submitted and approved; corrections keep their history', async () => {
    const drafted = await ga.post('/api/stat-reports', { month: '2019-04', figures: GA_APRIL });
    expect(drafted.statusCode, drafted.body).toBe(201);
    expect(drafted.json().status).toBe('draft');
    expect((await office.post(`/api/stat-reports/${drafted.json().id}/approve`)).statusCode).toBe(
      409,
    );
    await ga.post(`/api/stat-reports/${drafted.json().id}/submit`);
    expect((await ga.post(`/api/stat-reports/${drafted.json().id}/approve`)).statusCode).toBe(403);
    expect(
      (await office.post(`/api/stat-reports/${drafted.json().id}/approve`)).json().status,
    ).toBe('approved');

    // May is filed wrong, approved, then corrected with a reason and approved again
    const may = (
      await ga.post('/api/stat-reports', {
        month: '2021-05',
        figures: { ...GA_MAY, operations: 3 },
        submit: true,
      })
    ).json();
    await office.post(`/api/stat-reports/${may.id}/approve`);
    const current = (await ga.get(`/api/stat-reports/${may.id}`)).json();
    const noReason = await ga.patch(`/api/stat-reports/${may.id}`, {
      version: current.version,
      figures: GA_MAY,
    });
    expect(noReason.statusCode).toBe(422);
    const corrected = await ga.patch(`/api/stat-reports/${may.id}`, {
      version: current.version,
      figures: GA_MAY,
      reason: '行动次数漏录一位',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ status: 'submitted', corrections: 1 });
    await office.post(`/api/stat-reports/${may.id}/approve`);
    const history = (await ga.get(`/api/stat-reports/${may.id}`)).json().revisions;
    expect(history.map((r: { figures: { operations: number } }) => r.figures.operations)).toEqual([
      3, 30,
    ]);
    expect(history[1].reason).toBe('行动次数漏录一位');

    // the office files 市场监管's; an unapproved report from elsewhere must not count
    for (const [month, f] of [
      ['2019-04', SCJG_APRIL],
      ['2021-05', SCJG_MAY],
    ] as const) {
      const r = await office.post('/api/stat-reports', {
        unitId: await env.unitId('scjg'),
        month,
        figures: f,
        submit: true,
      });
      expect(r.statusCode, r.body).toBe(201);
      await office.post(`/api/stat-reports/${r.json().id}/approve`);
    }
    const jy = await env.as('unit-jy');
    const unapproved = await jy.post('/api/stat-reports', {
      month: '2020-01',
      figures: figures({ operations: 999 }),
      submit: true,
    });
    // sent back with a reason the unit can read on its report
    const returned = await office.post(`/api/stat-reports/${unapproved.json().id}/return`, {
      reason: '行动次数与台账不符，请核实',
    });
    expect(returned.json()).toMatchObject({
      status: 'draft',
      returnReason: '行动次数与台账不符，请核实',
    });
    const resubmitted = await jy.post(`/api/stat-reports/${unapproved.json().id}/submit`);
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', returnReason: null });
    // a unit sees only its own
    expect((await jy.get('/api/stat-reports')).json().items).toHaveLength(1);
    expect((await jy.get(`/api/stat-reports/${may.id}`)).statusCode).toBe(404);
  });

  it('the summary carries exactly seed 000’s figures and its alert trend 418 → 0', async () => {
    const res = await office.get('/api/stats/summary?from=2019-04&to=2021-05&groupBy=month');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.rows).toHaveLength(26);
    expect(s.totals).toMatchObject({
      operations: SEED_000.operations,
      densRaided: SEED_000.densRaided,
      criminalDetentions: SEED_000.criminalDetentions,
      adminDetentions: SEED_000.adminDetentions,
      adminCases: SEED_000.adminCases,
      prosecutions: SEED_000.prosecutions,
    });
    expect(s.totals.peopleRescued + s.totals.peopleRepatriated).toBe(
      SEED_000.rescuedAndRepatriated,
    );
    expect(s.alertTrend).toEqual({ fromMonth: '2019-04', from: 418, toMonth: '2021-05', to: 0 });
    // month on month: May 2019 had nothing after April's 150 operations
    expect(s.rows[1]).toMatchObject({ key: '2019-05' });
    expect(s.rows[1].change.operations).toBe(-150);
    const byUnit = (
      await office.get('/api/stats/summary?from=2019-04&to=2021-05&groupBy=unit')
    ).json();
    expect(
      byUnit.rows.map((r: { figures: { operations: number } }) => r.figures.operations).sort(),
    ).toEqual([130, 72].sort());
    expect((await office.get('/api/stats/summary?from=2021-05&to=2019-04')).statusCode).toBe(400);
  });

  it('composes 工作简报 with those numbers, edits it, publishes it, and exports .docx and HTML', async () => {
    await office.post('/api/meetings', {
      kind: 'plenary',
      title: '某区召开 2021 年打击传销工作联席会议',
      heldAt: '2021-05-20T09:00:00+08:00',
      place: '区政府常务会议室',
      chair: '区委政法委书记',
      minutes: '会议总结了 2019 年以来全区打传工作，部署下一阶段任务。',
    });
    const created = await office.post('/api/briefings', { from: '2019-04-01', to: '2021-05-31' });
    expect(created.statusCode, created.body).toBe(201);
    const b = created.json();
    expect(b).toMatchObject({ issueNo: 1, status: 'draft', title: '打击传销工作简报' });
    expect(b.sections.headline).toBe('某区召开 2021 年打击传销工作联席会议');
    expect(b.sections.meeting).toContain('5月20日');
    expect(b.sections.figures).toContain(
      '开展整治打击 202 次，捣毁传销窝点 2023 个，解救遣返传销参与人员 6850 名，' +
        '公安机关刑事拘留传销人员 408 名、行政拘留传销人员 534 名；立案查办传销行政案件 373 件，移送刑事起诉 7 人。',
    );
    expect(b.sections.alerts).toBe(
      '全区传销警情数从 2019 年 4 月的 418 件，降至 2021 年 5 月的 0 件。',
    );
    expect(
      (await office.post('/api/briefings', { from: '2021-01-01', to: '2021-05-31' })).json()
        .issueNo,
    ).toBe(2);

    const edited = await office.patch(`/api/briefings/${b.id}`, {
      version: b.version,
      sections: { ...b.sections, headline: '全区打击传销工作取得阶段性成效' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    // a unit reads only what was published
    expect((await ga.get(`/api/briefings/${b.id}`)).statusCode).toBe(404);
    expect((await office.post(`/api/briefings/${b.id}/publish`)).json().status).toBe('published');
    expect(
      (
        await office.patch(`/api/briefings/${b.id}`, {
          version: edited.json().version + 1,
          sections: b.sections,
        })
      ).statusCode,
    ).toBe(409);
    expect((await ga.get('/api/briefings')).json().items.map((x: { id: string }) => x.id)).toEqual([
      b.id,
    ]);

    const docx = await ga.get(`/api/briefings/${b.id}/docx`);
    expect(docx.statusCode).toBe(200);
    const { xml, text } = await docxText(docx.rawPayload);
    expect(XMLValidator.validate(xml)).toBe(true);
    for (const part of [
      '打击传销工作简报',
      '第 1 期',
      '全区打击传销工作取得阶段性成效',
      '202 次',
      '2023 个',
      '6850 名',
      '408 名',
      '534 名',
      '373 件',
      '7 人',
      '418 件',
      '0 件',
      '报送：',
      '分送：',
    ]) {
      expect(text).toContain(part);
    }
    const html = await ga.get(`/api/briefings/${b.id}/html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('第 1 期');
    expect(html.body).toContain('捣毁传销窝点 2023 个');
  });

  it('an .xlsx export re-imports to the same figures', async () => {
    const exported = await office.get('/api/exports/stats.xlsx?from=2019-04&to=2021-05');
    expect(exported.statusCode).toBe(200);
    const other = await createTestEnv();
    try {
      const otherOffice = await other.as('office');
      const imported = await upload(otherOffice, '/api/stat-reports/import', exported.rawPayload);
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json()).toEqual({ imported: 4, created: 4, corrected: 0 });
      const q = '/api/stats/summary?from=2019-04&to=2021-05&groupBy=month';
      const mine = (await office.get(q)).json();
      const theirs = (await otherOffice.get(q)).json();
      expect(theirs.totals).toEqual(mine.totals);
      expect(theirs.rows).toEqual(mine.rows);
    } finally {
      await other.close();
    }
  });

  it('a bad import row is refused with 400 naming its row and column, and nothing is imported', async () => {
    const exported = await office.get('/api/exports/stats.xlsx?from=2019-04&to=2021-05');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const dens = sheet.getRow(1).values as string[];
    const densCol = dens.indexOf('捣毁窝点（个）');
    sheet.getRow(2).getCell(2).value = '公安分局';
    sheet.getRow(3).getCell(densCol).value = '三百';
    sheet.getRow(4).getCell(1).value = 'nope';
    const bad = Buffer.from(await book.xlsx.writeBuffer());
    const before = await reportCount(env);
    const res = await upload(office, '/api/stat-reports/import', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: '第 3 行「捣毁窝点（个）」', message: '应为不小于 0 的整数' },
      { field: '第 4 行「单位代码」', message: '单位代码 nope 不存在' },
    ]);
    expect(await reportCount(env)).toBe(before);
    const notExcel = await upload(office, '/api/stat-reports/import', Buffer.from('hello'));
    expect(notExcel.statusCode).toBe(400);
    expect((await upload(ga, '/api/stat-reports/import', bad)).statusCode).toBe(403);
  });

  it('exports tasks and clues, never the reporter', async () => {
    await office.post('/api/clues', {
      channel: 'hotline',
      subject: { name: '导出测试互助会' },
      category: 'gathering',
      description: '导出测试',
      reporter: { name: '钱保密', phone: '13912345678' },
    });
    const clues = await office.get('/api/exports/clues.xlsx');
    expect(clues.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(clues.rawPayload);
    const strings = await Promise.all(
      Object.values(zip.files)
        .filter((f) => f.name.endsWith('.xml'))
        .map((f) => f.async('string')),
    );
    const all = strings.join('');
    expect(all).toContain('导出测试互助会');
    expect(all).not.toContain('钱保密');
    expect(all).not.toContain('13912345678');
    expect((await office.get('/api/exports/tasks.xlsx')).statusCode).toBe(200);
    expect((await office.get('/api/exports/nope.xlsx')).statusCode).toBe(400);
  });
});

describe('figures reported on time, as a letter measures them', () => {
  it('counts each month due since the letter was issued, on time when first submitted by the 5th of the next', async () => {
    const jy = await env.as('unit-jy');
    const at = (iso: string) =>
      env.clock.advance(new Date(iso).getTime() - env.clock.now().getTime());
    const back = env.clock.now().toISOString();
    let letterId = '';
    try {
      // the letter binds 教育局 from mid-February: January's figures are not its to answer for
      at('2025-02-15T10:00:00+08:00');
      const letter = (
        await office.post('/api/letters', {
          year: 2025,
          unitId: await env.unitId('jy'),
          title: '2025 年度责任书（教育局）',
          indicators: [
            {
              kind: 'measured',
              name: '统计报表按时报送',
              points: 60,
              metric: 'reports_on_time_rate',
            },
            { kind: 'manual', name: '宣传教育', points: 40 },
          ],
        })
      ).json();
      letterId = letter.id;
      expect((await office.post(`/api/letters/${letter.id}/issue`)).statusCode).toBe(200);
      at('2025-03-05T20:00:00+08:00'); // February's figures, on the due day
      const feb = await jy.post('/api/stat-reports', {
        month: '2025-02',
        figures: ZERO,
        submit: true,
      });
      expect(feb.statusCode, feb.body).toBe(201);
      at('2025-04-06T09:00:00+08:00'); // March's, a day late
      await jy.post('/api/stat-reports', { month: '2025-03', figures: ZERO, submit: true });
      // April's is drafted in time but submitted late: the submission is what counts
      at('2025-05-02T09:00:00+08:00');
      const april = (
        await jy.post('/api/stat-reports', { month: '2025-04', figures: ZERO })
      ).json();
      at('2025-05-07T09:00:00+08:00');
      await jy.post(`/api/stat-reports/${april.id}/submit`);
    } finally {
      at(back);
    }
    const a = (await office.get(`/api/letters/${letterId}/assessment`)).json();
    // February to December of 2025 are due (eleven months); one was on time
    expect(a.indicators[0].ratio).toEqual({ numerator: 1, denominator: 11, rate: 1 / 11 });
    expect(a.indicators[0].score).toBe(5.45);
  });
});
