import { request } from 'node:http';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/private-redis.js';
import { until } from '../support/wait.js';
import { loginOverHttp, spawnApiProcess, spawnWorkerProcess } from '../support/worker-process.js';
import { type ChaosStage, openChaosStage } from './stage.js';

let stage: ChaosStage | undefined;
afterEach(async () => {
  await stage?.close();
  stage = undefined;
});

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One POST on a connection of its own: a refused connection (the server had stopped taking
 * new ones) is told apart from one cut while its request was in flight.
 */
function post(url: string, token: string, body: unknown) {
  return new Promise<{ status: number; text: string } | { error: string }>((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', (e) => resolve({ error: e.message }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(JSON.stringify(body));
  });
}

async function counts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT
      (SELECT count(*) FROM clues)::int AS clues,
      (SELECT count(*) FROM handoffs WHERE rule_id IS NOT NULL)::int AS routed,
      (SELECT count(DISTINCT clue_id) FROM handoffs WHERE rule_id IS NOT NULL)::int AS "routedClues"`);
    return rows[0] as { clues: number; routed: number; routedClues: number };
  } finally {
    await client.end();
  }
}

describe('SIGTERM under load', () => {
  it('the API finishes what it accepted; the worker loses no job', async () => {
    stage = await openChaosStage();
    const port = await freePort();
    const api = await spawnApiProcess(stage.config, port);
    const base = `http://127.0.0.1:${port}`;
    const accessToken = await loginOverHttp(base, 'office');

    // a worker routing the clues as they come, killed politely half way
    const worker = await spawnWorkerProcess(stage.config);
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let refused = 0;
    let unanswered = 0;
    let stop = false;
    let n = 0;
    const client = async () => {
      while (!stop) {
        const i = n++;
        const res = await post(`${base}/api/clues`, accessToken, {
          channel: 'hotline',
          subject: { name: `停机测试主体 ${i}` },
          category: i % 2 ? 'online' : 'other',
          description: `停机测试线索 ${i}`,
        });
        if ('error' in res) {
          if (res.error === 'ECONNREFUSED') {
            refused++; // after close a new connection is refused: the client stops here
            stop = true;
          } else {
            // a connection the closing server never took up: allowed only if nothing was
            // written for it (checked below: every write is an acknowledged one)
            unanswered++;
            stop = true;
          }
        } else if (res.status === 201) {
          acknowledged.push((JSON.parse(res.text) as { id: string }).id);
        } else if (res.status === 503) {
          refused++; // arrived while closing: told so plainly, nothing written
          stop = true;
        } else {
          failures.push(`${res.status} ${res.text}`);
        }
      }
    };
    const clients = Array.from({ length: 6 }, client);
    await settle(2500);
    expect(await worker.stop('SIGTERM')).toBe(0);
    await settle(1000);
    expect(await api.stop('SIGTERM')).toBe(0);
    stop = true;
    await Promise.all(clients);

    // every request the API took was answered, none with an error, and nothing was written
    // that was not acknowledged
    expect(failures).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(refused + unanswered).toBeGreaterThan(0);
    expect(unanswered).toBeLessThanOrEqual(6);
    const written = await counts(stage.config.databaseUrl);
    expect(written.clues).toBe(acknowledged.length);

    // a new worker routes what was still queued: each clue once, none lost
    const again = await spawnWorkerProcess(stage.config);
    try {
      const done = await until(
        async () => {
          await settle(500);
          const c = await counts(stage!.config.databaseUrl);
          return c.routedClues >= c.clues ? c : undefined;
        },
        120_000,
        'every clue routed',
      );
      expect(done.routed).toBe(done.clues);
    } finally {
      await again.stop('SIGTERM');
    }
  });

  it('a request still waiting on the database when SIGTERM arrives is answered and kept', async () => {
    stage = await openChaosStage();
    const url = stage.config.databaseUrl;
    const port = await freePort();
    const api = await spawnApiProcess(stage.config, port);
    const base = `http://127.0.0.1:${port}`;
    const accessToken = await loginOverHttp(base, 'office');

    // hold the clue table so the requests below are certainly in flight when the signal comes
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE clues IN EXCLUSIVE MODE');
    const inFlight = Array.from({ length: 3 }, (_, i) =>
      post(`${base}/api/clues`, accessToken, {
        channel: 'hotline',
        subject: { name: `在途主体 ${i}` },
        category: 'other',
        description: `停机时仍在处理的线索 ${i}`,
      }),
    );
    await until(
      async () => {
        const { rows } = await blocker.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
        );
        return rows[0].n >= 1;
      },
      10_000,
      'the requests waiting on the lock',
    );
    await settle(300);
    const exited = api.stop('SIGTERM');
    await settle(1500);
    await blocker.query('COMMIT');
    await blocker.end();

    expect(await exited).toBe(0);
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => ('error' in a ? a.error : a.status))).toEqual([201, 201, 201]);
    expect((await counts(url)).clues).toBe(3);
  });
});
