import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
let office: Caller;
let ga: Caller;
let scjg: Caller;
let jy: Caller;
let supervisor: Caller;
let orderId: string;
let gaTask: string;
let scjgTask: string;

/** A 1×1 PNG: real bytes, so the type comes from content. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A multipart body: the fields first (the server reads them before the file), then the file. */
function multipart(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----lianxi-task-boundary';
  const fieldParts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = Buffer.from(
    fieldParts.join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (
  caller: Caller,
  url: string,
  fileName: string,
  content: Buffer,
  fields?: Record<string, string>,
) => caller.request({ method: 'POST', url, ...multipart(fileName, content, fields) });

const store = () => join(env.config.dataDir, 'attachments');
function storedFiles(): string[] {
  if (!existsSync(store())) return [];
  return readdirSync(store(), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
const rowCount = async () =>
  Number((await env.sql<{ n: string }>('SELECT count(*) AS n FROM work_order_attachments'))[0].n);
const auditRows = (action: string) =>
  env.sql<{ subject_id: string; payload: Record<string, unknown> }>(
    'SELECT subject_id, payload FROM audit_log WHERE action = $1 ORDER BY id',
    [action],
  );

beforeAll(async () => {
  env = await createTestEnv();
  office = await env.as('office');
  ga = await env.as('unit-ga');
  scjg = await env.as('unit-scjg');
  jy = await env.as('unit-jy');
  supervisor = await env.as('supervisor');
  const res = await office.post('/api/work-orders', {
    title: '清查某小区聚集型传销窝点',
    body: '根据群众举报，请按附件所列地址逐户核查。',
    assignments: [
      { unitId: await env.unitId('ga'), role: 'lead' },
      { unitId: await env.unitId('scjg'), role: 'assist' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const order = res.json();
  orderId = order.id;
  const taskOf = async (code: string) => {
    const unitId = await env.unitId(code);
    return order.tasks.find((t: { unitId: string }) => t.unitId === unitId).id as string;
  };
  gaTask = await taskOf('ga');
  scjgTask = await taskOf('scjg');
});
afterAll(() => env.close());

describe('work order and task attachments', () => {
  let orderFile: string;
  let photo: string;
  let reportEvent: number;

  it('lets the office attach the notice to an order, seen by every unit holding a task of it', async () => {
    const res = await upload(
      office,
      `/api/work-orders/${orderId}/attachments`,
      '地址清单.pdf',
      PDF,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      workOrderId: orderId,
      taskId: null,
      taskEventId: null,
      clueId: null,
      fileName: '地址清单.pdf',
      mediaType: 'application/pdf',
      uploadedByUnitId: null,
    });
    orderFile = res.json().id;
    for (const caller of [office, ga, scjg, supervisor]) {
      const list = await caller.get(`/api/work-orders/${orderId}/attachments`);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items.map((a: { id: string }) => a.id)).toContain(orderFile);
      expect((await caller.get(`/api/attachments/${orderFile}`)).statusCode).toBe(200);
    }
    const [audit] = await auditRows('work_order.attachment_added');
    expect(audit).toMatchObject({ subject_id: orderId, payload: { attachmentId: orderFile } });
    // a unit may not add to the order, only to its own task
    expect(
      (await upload(ga, `/api/work-orders/${orderId}/attachments`, 'x.pdf', PDF)).statusCode,
    ).toBe(403);
  });

  it('lets the unit attach a photo to its result, tied to the 反馈 entry', async () => {
    expect((await ga.post(`/api/tasks/${gaTask}/accept`, {})).statusCode).toBe(200);
    const reported = await ga.post(`/api/tasks/${gaTask}/report`, { summary: '已捣毁窝点一处' });
    expect(reported.statusCode, reported.body).toBe(200);
    const events = reported.json().events as { id: number; action: string }[];
    reportEvent = events.findLast((e) => e.action === 'report')!.id;
    expect(reportEvent).toEqual(expect.any(Number));

    const res = await upload(ga, `/api/tasks/${gaTask}/attachments`, '现场照片.png', PNG, {
      eventId: String(reportEvent),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      workOrderId: orderId,
      taskId: gaTask,
      taskEventId: reportEvent,
      mediaType: 'image/png',
      sha256: createHash('sha256').update(PNG).digest('hex'),
      uploadedByUnitId: await env.unitId('ga'),
    });
    photo = res.json().id;
    const [audit] = await auditRows('task.attachment_added');
    expect(audit).toMatchObject({
      subject_id: gaTask,
      payload: { attachmentId: photo, eventId: reportEvent, mediaType: 'image/png' },
    });
  });

  it('shows the photo to the office and the unit, and to no other unit', async () => {
    for (const caller of [office, ga, supervisor]) {
      const list = await caller.get(`/api/tasks/${gaTask}/attachments`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toMatchObject([{ id: photo, taskEventId: reportEvent }]);
      const got = await caller.get(`/api/attachments/${photo}`);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.rawPayload.equals(PNG)).toBe(true);
    }
    const officeOrder = (await office.get(`/api/work-orders/${orderId}/attachments`)).json();
    expect(officeOrder.items.map((a: { id: string }) => a.id)).toEqual([orderFile, photo]);

    // the 协办 unit holds a task of the same order: it sees the order's file, not the photo
    const scjgOrder = (await scjg.get(`/api/work-orders/${orderId}/attachments`)).json();
    expect(scjgOrder.items.map((a: { id: string }) => a.id)).toEqual([orderFile]);
    expect((await scjg.get(`/api/tasks/${gaTask}/attachments`)).statusCode).toBe(404);
    expect((await scjg.get(`/api/attachments/${photo}`)).statusCode).toBe(404);

    // a unit with no task in the order sees nothing of it
    expect((await jy.get(`/api/work-orders/${orderId}/attachments`)).statusCode).toBe(404);
    expect((await jy.get(`/api/tasks/${gaTask}/attachments`)).statusCode).toBe(404);
    expect((await jy.get(`/api/attachments/${photo}`)).statusCode).toBe(404);
    expect((await jy.get(`/api/attachments/${orderFile}`)).statusCode).toBe(404);
    expect((await upload(jy, `/api/tasks/${gaTask}/attachments`, 'x.pdf', PDF)).statusCode).toBe(
      404,
    );
  });

  it('refuses a wrong type, an oversize file, or a foreign entry with 4xx, and keeps nothing', async () => {
    const files = storedFiles();
    const rows = await rowCount();
    const url = `/api/tasks/${gaTask}/attachments`;

    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(512)]);
    const disguised = await upload(ga, url, '照片.png', exe);
    expect(disguised.statusCode).toBe(415);
    expect(disguised.headers['content-type']).toContain('application/problem+json');
    expect((await upload(ga, url, '说明.pdf', Buffer.from('只是文字'))).statusCode).toBe(415);

    const huge = Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024 + 1)]);
    const tooBig = await upload(ga, url, '超大.png', huge);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().detail).toContain('20 MB');
    const orderTooBig = await upload(
      office,
      `/api/work-orders/${orderId}/attachments`,
      'a.png',
      huge,
    );
    expect(orderTooBig.statusCode).toBe(413);

    // an entry of another task, an entry that is not a report, or no number at all
    const scjgAccept = await scjg.post(`/api/tasks/${scjgTask}/accept`, {});
    const acceptEvent = scjgAccept.json().events.at(-1).id;
    for (const eventId of [String(acceptEvent), '99999999', 'abc', '-1']) {
      const res = await upload(ga, url, '现场.png', PNG, { eventId });
      expect(res.statusCode, `${eventId}: ${res.body}`).toBe(400);
    }
    const ownAccept = (await ga.get(`/api/tasks/${gaTask}`))
      .json()
      .events.find((e: { action: string }) => e.action === 'accept').id;
    expect(
      (await upload(ga, url, '现场.png', PNG, { eventId: String(ownAccept) })).statusCode,
    ).toBe(400);

    expect((await office.post(url, { file: 'x' })).statusCode).toBe(415);
    expect(storedFiles()).toEqual(files);
    expect(await rowCount()).toBe(rows);
  });

  it('takes no more files from the unit once its task is closed', async () => {
    const review = await office.post(`/api/tasks/${gaTask}/review`, { approve: true });
    expect(review.statusCode, review.body).toBe(200);
    const rows = await rowCount();
    const res = await upload(ga, `/api/tasks/${gaTask}/attachments`, '补充.png', PNG);
    expect(res.statusCode).toBe(409);
    expect(await rowCount()).toBe(rows);
    // what it sent stays visible with the closed task
    expect((await ga.get(`/api/tasks/${gaTask}/attachments`)).json().items).toHaveLength(1);
  });
});
