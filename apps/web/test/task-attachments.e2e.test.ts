import { crc32, deflateSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEnv } from '../../../test/support/harness.js';
import {
  closeStage,
  expectNoErrors,
  login,
  openSession,
  openStage,
  pickOption,
  screenshot,
} from './support/e2e.js';

let env: TestEnv;
let browser: Browser;
let baseURL: string;

beforeAll(async () => {
  ({ env, baseURL, browser } = await openStage());
}, 120_000);

afterAll(() => closeStage({ env, browser }));

/** A real picture (a 32×32 red square), so the server types it by its content as PNG. */
function redSquarePng(size = 32): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([220, 40, 40]))]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PHOTO = redSquarePng();
const NOTICE = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('attachments where the work is', () => {
  it('office issues with a notice; the unit reports its result with a photo; the office sees and downloads it', async () => {
    const office = await openSession(browser, baseURL);
    const unit = await openSession(browser, baseURL);
    const title = '关于清查某小区出租屋传销窝点的交办单';

    // 打传办 issues the order with its address list attached.
    await login(office.page, 'office');
    await office.page.goto('/work-orders/new');
    await office.page.getByLabel('标题').fill(title);
    await office.page.getByLabel('交办内容').fill('请按所附地址清单逐户清查，反馈时附现场照片。');
    await pickOption(office.page, 'lead-unit', '公安');
    await office.page
      .getByTestId('file-picker')
      .locator('input[type=file]')
      .setInputFiles({ name: '地址清单.pdf', mimeType: 'application/pdf', buffer: NOTICE });
    await expect
      .poll(() => office.page.getByTestId('file-picker').textContent())
      .toContain('地址清单.pdf');
    await screenshot(office.page, 'office-issue-with-attachment-1366');
    await office.page.getByTestId('issue-submit').click();
    // the form asks before sending, with the day the order will be due
    const confirm = office.page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.getAttribute('class')).not.toMatch(/-(appear|enter)\b/);
    await confirm.getByTestId('issue-confirm').click();
    await office.page.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
    const orderId = office.page.url().split('/').pop()!;
    const [task] = await env.sql<{ id: string }>('SELECT id FROM tasks WHERE work_order_id = $1', [
      orderId,
    ]);
    const kept = await env.sql<{ file_name: string }>(
      'SELECT file_name FROM work_order_attachments WHERE work_order_id = $1 AND task_id IS NULL',
      [orderId],
    );
    expect(kept.map((k) => k.file_name)).toEqual(['地址清单.pdf']);

    // 公安 signs for it, sees the address list, and reports its result with a photo.
    await login(unit.page, 'unit-ga');
    await unit.page.goto(`/tasks/${task.id}`);
    const status = unit.page.getByTestId('task-detail').getByTestId('status-tag').first();
    await unit.page.getByTestId('action-accept').click();
    await expect.poll(() => status.getAttribute('data-status')).toBe('accepted');
    await expect
      .poll(() =>
        unit.page.getByTestId('order-attachments').getByTestId('attachment-name').textContent(),
      )
      .toBe('地址清单.pdf');
    await unit.page.getByTestId('action-report').click();
    const dialog = unit.page.getByRole('dialog', { name: '反馈办理结果' });
    await dialog.getByLabel('办理结果').fill('已清查出租屋 12 户，捣毁窝点一处，现场照片见附件。');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PHOTO });
    await expect.poll(() => dialog.textContent()).toContain('现场照片.png');
    await screenshot(unit.page, 'unit-report-with-photo-1366');
    await dialog.getByRole('button', { name: '提交反馈' }).click();
    await expect.poll(() => status.getAttribute('data-status')).toBe('reported');
    const unitEvidence = unit.page.getByTestId('task-event-report').getByTestId('event-evidence');
    await expect
      .poll(() => unitEvidence.getByTestId('attachment-name').textContent())
      .toBe('现场照片.png');

    // 打传办 opens the task: the photo shows under the result, and downloads as sent.
    await office.page.goto(`/tasks/${task.id}`);
    const evidence = office.page.getByTestId('task-event-report').getByTestId('event-evidence');
    await expect
      .poll(() => evidence.getByTestId('attachment-name').textContent())
      .toBe('现场照片.png');
    const thumb = evidence.locator('img');
    await expect.poll(() => thumb.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await expect
      .poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(32);
    await expect
      .poll(() => evidence.textContent())
      .toMatch(/图片 · \d+(\.\d)? (B|KB) · 区公安分局 上传于/);
    await screenshot(office.page, 'office-task-evidence-1366');
    const [file] = await Promise.all([
      office.page.waitForEvent('download'),
      evidence.getByTestId('attachment-download').click(),
    ]);
    expect(file.suggestedFilename()).toBe('现场照片.png');
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(PHOTO)).toBe(true);

    expectNoErrors(office, unit);
  }, 120_000);
});
