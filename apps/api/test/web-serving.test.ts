import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '@lianxi/api';
import { createRedis } from '@lianxi/queue';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
let app: FastifyInstance;
let dist: string;
let redis: Redis;
beforeAll(async () => {
  env = await createTestEnv();
  dist = mkdtempSync(join(tmpdir(), 'lianxi-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>联席</title><div id="root"></div>',
  );
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  redis = createRedis(env.config.redisUrl, 'producer');
  app = await buildApp({
    config: env.config,
    database: env.database,
    redis,
    clock: env.clock,
    logger: false,
    webDist: dist,
  });
});
afterAll(async () => {
  await app.close();
  redis.disconnect();
  await env.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the web workbench', () => {
  it('answers / and client-side routes with index.html, and assets as files', async () => {
    for (const url of ['/', '/tasks/123', '/supervision/board?x=1']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<div id="root">');
    }
    const asset = await app.inject('/assets/app.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('leaves the API, docs, health and missing assets alone', async () => {
    const api = await app.inject('/api/nowhere');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect((await app.inject('/health/live')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/assets/missing.js')).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/tasks/123' })).statusCode).toBe(404);
  });

  it("answers /assets/ paths that name no file with 404, not the app's page", async () => {
    for (const url of ['/assets/missing', '/assets/chunks/', '/assets/app.js/extra']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('<div id="root">');
    }
  });
});

describe('what the HTTP surface says about itself', () => {
  it('a 401 names the Bearer scheme', async () => {
    const res = await app.inject('/api/work-orders');
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="lianxi"');
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('a known path with a method it does not take is a 405 naming those it does', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/work-orders' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow?.toString().split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
    expect(res.json()).toMatchObject({ status: 405, type: '/problems/method-not-allowed' });
    const withParams = await app.inject({
      method: 'PUT',
      url: '/api/tasks/00000000-0000-4000-8000-000000000000/accept',
    });
    expect(withParams.statusCode).toBe(405);
    expect(withParams.headers.allow).toBe('POST');
    // an unknown path stays a 404
    expect((await app.inject({ method: 'DELETE', url: '/api/nowhere' })).statusCode).toBe(404);
  });
});
