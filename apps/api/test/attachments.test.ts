import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
let office: Caller;
let clueId: string;

/** A 1×1 PNG: real bytes, so the type comes from content. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function multipart(fileName: string, content: Buffer, field = 'file') {
  const boundary = '----lianxi-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (caller: Caller, id: string, fileName: string, content: Buffer, field?: string) =>
  caller.request({
    method: 'POST',
    url: `/api/clues/${id}/attachments`,
    ...multipart(fileName, content, field),
  });

const store = () => join(env.config.dataDir, 'attachments');
/** Every file the store holds, temporary ones included. */
function storedFiles(): string[] {
  if (!existsSync(store())) return [];
  return readdirSync(store(), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
const rowCount = async () =>
  Number((await env.sql<{ n: string }>('SELECT count(*) AS n FROM clue_attachments'))[0].n);

beforeAll(async () => {
  env = await createTestEnv();
  office = await env.as('office');
  const clue = await office.post('/api/clues', {
    channel: 'hotline',
    subject: { name: '聚宝盆互助会' },
    category: 'gathering',
    description: '举报人提供了聚会现场照片和宣传册',
  });
  clueId = clue.json().id;
});
afterAll(() => env.close());

describe('evidence attachments', () => {
  it('stores a file once by its sha256, typed by its content, and serves it to those who see the clue', async () => {
    const first = await upload(office, clueId, '现场照片.jpg', PNG);
    expect(first.statusCode, first.body).toBe(201);
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    expect(first.json()).toMatchObject({
      clueId,
      fileName: '现场照片.jpg',
      mediaType: 'image/png',
      size: PNG.length,
      sha256,
      uploadedByUnitId: null,
    });
    expect(existsSync(join(store(), sha256.slice(0, 2), sha256))).toBe(true);
    // the same bytes again: a second record, still one file
    expect((await upload(office, clueId, '副本.png', PNG)).statusCode).toBe(201);
    expect(storedFiles()).toHaveLength(1);

    const got = await office.get(`/api/attachments/${first.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('现场照片.jpg')}`,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload.equals(PNG)).toBe(true);
    const detail = (await office.get(`/api/clues/${clueId}`)).json();
    expect(detail.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      '现场照片.jpg',
      '副本.png',
    ]);

    // a unit the clue was not handed to: neither the file nor the upload exists for it
    const jy = await env.as('unit-jy');
    expect((await jy.get(`/api/attachments/${first.json().id}`)).statusCode).toBe(404);
    expect((await upload(jy, clueId, 'x.pdf', PDF)).statusCode).toBe(404);
    // once handed the clue, the unit sees its evidence and may add to it
    await office.post(`/api/clues/${clueId}/handoffs`, {
      toUnitId: await env.unitId('jy'),
      kind: 'transfer',
      reason: '涉及在校学生',
    });
    expect((await jy.get(`/api/attachments/${first.json().id}`)).statusCode).toBe(200);
    const pdf = await upload(jy, clueId, '询问笔录.pdf', PDF);
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({
      mediaType: 'application/pdf',
      uploadedByUnitId: await env.unitId('jy'),
    });
  });

  it('refuses a file over 20 MB or of a disallowed type with 4xx, and keeps nothing', async () => {
    const files = storedFiles();
    const rows = await rowCount();
    const huge = Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024 + 1)]);
    const tooBig = await upload(office, clueId, '超大.png', huge);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.headers['content-type']).toContain('application/problem+json');
    expect(tooBig.json().detail).toContain('20 MB');

    // named as a picture, but the bytes are a program or plain text: judged by content
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(512)]);
    const disguised = await upload(office, clueId, '照片.png', exe);
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().title).toBe('不支持的文件类型');
    expect((await upload(office, clueId, '说明.pdf', Buffer.from('只是文字'))).statusCode).toBe(
      415,
    );

    // not multipart, or no file field
    const json = await office.post(`/api/clues/${clueId}/attachments`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect((await upload(office, clueId, 'a.png', PNG, 'other')).statusCode).toBe(400);

    expect(storedFiles()).toEqual(files);
    expect(await rowCount()).toBe(rows);
  });

  it('answers 404 for an attachment id that does not exist and 401 without a login', async () => {
    expect(
      (await office.get('/api/attachments/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    const anonymous = await env.app.inject({
      method: 'POST',
      url: `/api/clues/${clueId}/attachments`,
      ...multipart('a.png', PNG),
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
