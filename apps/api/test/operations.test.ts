import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppDeps, buildApp } from '@lianxi/api';
import { openDatabase } from '@lianxi/db';
import { createRedis } from '@lianxi/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService, SERVICE_NODE_FLAGS } from '../../../scripts/build-services.js';
import { TestClock } from '../../../test/support/clock.js';
import { TEST_REDIS_URL } from '../../../test/support/databases.js';
import { createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('health', () => {
  it('live and ready answer 200 with both dependencies up', async () => {
    expect((await env.app.inject('/health/live')).statusCode).toBe(200);
    const ready = await env.app.inject('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { postgres: 'ok', redis: 'ok' } });
  });

  it('ready answers 503 and API calls 503 (never 500) when PostgreSQL is unreachable', async () => {
    const database = openDatabase('postgres://postgres@127.0.0.1:1/lianxi', {
      connectionTimeoutMillis: 1000,
    });
    const redis = createRedis(TEST_REDIS_URL, 'producer');
    // the producer connection queues nothing while connecting: let it connect first, so the
    // check below is about PostgreSQL alone
    if (redis.status !== 'ready') await new Promise((ready) => redis.once('ready', ready));
    const deps: AppDeps = {
      config: env.config,
      database,
      redis,
      clock: new TestClock(),
      logger: false,
    };
    const app = await buildApp(deps);
    try {
      const ready = await app.inject('/health/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks.postgres).toMatch(/^down/);
      expect(ready.json().checks.redis).toBe('ok');
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'office', password: 'x' },
      });
      expect(login.statusCode).toBe(503);
      expect(login.json().type).toBe('/problems/unavailable');
    } finally {
      await app.close();
      redis.disconnect();
      await database.close();
    }
  });

  it('ready answers 503 when Redis is unreachable', async () => {
    const redis = createRedis('redis://127.0.0.1:1', 'producer');
    const app = await buildApp({
      config: env.config,
      database: env.database,
      redis,
      clock: new TestClock(),
      logger: false,
    });
    try {
      const ready = await app.inject('/health/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks).toMatchObject({ postgres: 'ok' });
      expect(ready.json().checks.redis).toMatch(/^down/);
    } finally {
      await app.close();
      redis.disconnect();
    }
  });
});

describe('operations surface', () => {
  it('serves the OpenAPI 3.1 document and its viewer at /docs', async () => {
    const ui = await env.app.inject('/docs');
    expect([200, 302]).toContain(ui.statusCode);
    const doc = (await env.app.inject('/docs/json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/auth/login', '/api/units', '/api/units/{id}', '/api/audit/verify']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/units'].post.requestBody).toBeDefined();
    // the public routes need no token; every other one inherits the bearer requirement
    expect(doc.security).toEqual([{ bearer: [] }]);
    for (const path of ['/api/auth/login', '/api/auth/refresh', '/api/auth/logout'])
      expect(doc.paths[path].post.security, path).toEqual([]);
    expect(doc.paths['/api/units'].post.security).toBeUndefined();
  });

  it('exposes Prometheus metrics including request latency', async () => {
    await env.app.inject('/health/live');
    const res = await env.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('lianxi_http_request_duration_seconds_bucket');
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });

  it('in production, /metrics answers only the scraper token, and nobody when none is set', async () => {
    const token = 'scrape-0123456789abcdef';
    const prod = await createTestEnv({ env: 'production', metricsToken: token });
    try {
      const bare = await prod.app.inject('/metrics');
      expect(bare.statusCode).toBe(401);
      expect(bare.headers['content-type']).toContain('application/problem+json');
      const wrong = await prod.app.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer scrape-0123456789abcdeX' },
      });
      expect(wrong.statusCode).toBe(401);
      const short = await prod.app.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer scrape' },
      });
      expect(short.statusCode).toBe(401);
      const right = await prod.app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('lianxi_http_request_duration_seconds');
    } finally {
      await prod.close();
    }
    const closed = await createTestEnv({ env: 'production' });
    try {
      const res = await closed.app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toContain('METRICS_TOKEN');
    } finally {
      await closed.close();
    }
  });

  it('sends security headers and echoes or assigns a request id', async () => {
    const res = await env.app.inject({
      url: '/health/live',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(res.headers['x-request-id']).toBe('trace-12345678');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['content-security-policy']).toBeDefined();
    const assigned = await env.app.inject({
      url: '/health/live',
      headers: { 'x-request-id': 'bad id!' },
    });
    expect(assigned.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes, bad JSON and oversized bodies with problem+json', async () => {
    const missing = await env.app.inject('/api/nowhere');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    const huge = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x'.repeat(2_000_000), password: 'y' },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().detail).toBe('请求体过大');
    const nul = await (
      await env.as('office')
    ).post('/api/units', {
      code: 'nul-1',
      name: 'a\u0000b',
    });
    expect(nul.statusCode).toBe(400);
  });
});

describe('service start commands', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const read = (file: string) => readFileSync(join(root, file), 'utf8');

  it('every command that starts a bundle gives it the service flags', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    const starts = [
      ...['start', 'api', 'worker'].map((name) => scripts[name]),
      ...read('Dockerfile')
        .split('\n')
        .filter((l) => l.startsWith('CMD')),
      ...read('docker-compose.yml')
        .split('\n')
        .filter((l) => l.includes('.mjs')),
    ];
    expect(starts.length).toBe(6);
    for (const line of starts) {
      expect(line).toMatch(/dist\/\w+\.mjs/);
      for (const flag of SERVICE_NODE_FLAGS) expect(line, line).toContain(flag);
    }
  });

  it('the API bundle loads neither the worker queues nor the libraries of rare requests at start', async () => {
    const bundle = readFileSync(await buildService('api'), 'utf8');
    const atStart = [...bundle.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(atStart).toContain('fastify');
    for (const lazy of ['bullmq', 'docx', 'file-type', 'exceljs']) {
      expect(atStart, lazy).not.toContain(lazy);
    }
  });
});
