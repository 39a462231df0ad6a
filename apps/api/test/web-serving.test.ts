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
});
