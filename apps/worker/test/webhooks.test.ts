import { createServer, type Server } from 'node:http';
import { processDueClocks } from '@lianxi/core';
import { startWorker } from '@lianxi/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskInstants } from '../../../test/support/deadlines.js';
import { createTestEnv, type TestEnv } from '../../../test/support/harness.js';
import { silent, until } from '../../../test/support/wait.js';

let env: TestEnv;
let robot: Server;
let robotUrl: string;
const received: { msgtype: string; text: { content: string } }[] = [];
const accepted = new Set<string>();
const attempts = new Map<string, number>();

beforeAll(async () => {
  env = await createTestEnv({ sessionMaxHours: 24 * 365 });
  // a 企业微信-style group robot that fails each message twice before it accepts it
  robot = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const message = JSON.parse(body);
      received.push(message);
      const tries = (attempts.get(message.text.content) ?? 0) + 1;
      attempts.set(message.text.content, tries);
      if (tries <= 2) {
        res.writeHead(502).end();
        return;
      }
      accepted.add(message.text.content);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => robot.listen(0, '127.0.0.1', r));
  robotUrl = `http://127.0.0.1:${(robot.address() as { port: number }).port}/cgi-bin/webhook/send`;
});
afterAll(async () => {
  await env.close();
  await new Promise((r) => robot.close(r));
});

describe('unit webhooks', () => {
  it('a failing robot never holds up an escalation, and is retried until it accepts', async () => {
    const office = await env.as('office');
    const gaId = await env.unitId('ga');
    const unit = (await office.get(`/api/units/${gaId}`)).json();
    expect(
      (await office.patch(`/api/units/${gaId}`, { version: unit.version, webhookUrl: robotUrl }))
        .statusCode,
    ).toBe(200);
    const order = await office.post('/api/work-orders', {
      title: '网络传销线索核查',
      body: '请核查涉案网站。',
      dueInWorkdays: 1,
      assignments: [{ unitId: gaId, role: 'lead' }],
    });
    const taskId = order.json().tasks[0].id;
    env.clock.passTo((await taskInstants(env, taskId)).level1At); // 催办: the task is overdue

    // the escalation is written at once, before any webhook is tried
    await processDueClocks({ db: env.database.db, clock: env.clock, log: silent });
    const levels = await env.sql(
      "SELECT level FROM escalations WHERE task_id = $1 AND reason = 'overdue'",
      [taskId],
    );
    expect(levels.length).toBeGreaterThan(0);
    expect(received).toHaveLength(0);

    const worker = await startWorker({
      config: env.config,
      database: env.database,
      clock: env.clock,
      log: silent,
    });
    try {
      const level1 = () =>
        [...accepted].find((c) => c.startsWith('【催办】《') && c.includes('已逾期'));
      const content = await until(async () => level1(), 20_000, 'robot accepted the 催办');
      await new Promise((r) => setTimeout(r, 500));
      expect(attempts.get(content)).toBe(3); // two failures, then accepted, then no more
      expect(content).toContain('网络传销线索核查');
      expect(received.find((m) => m.text.content === content)).toMatchObject({ msgtype: 'text' });
    } finally {
      await worker.close();
    }
  });
});
