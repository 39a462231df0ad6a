import { buildApp } from '@lianxi/api';
import { createRedis } from '@lianxi/queue';
import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compiledSerializer } from '../src/http/serializer.js';
import { TEST_REDIS_URL } from '../../../test/support/databases.js';
import { createTestEnv, type TestEnv } from '../../../test/support/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ sessionMaxHours: 24 * 365 });
});
afterAll(() => env.close());

describe('responses written from compiled schemas', () => {
  it('production writes every listing byte for byte as the zod-checked API does', async () => {
    const office = await env.as('office');
    const units = await env.sql<{ id: string }>(`SELECT id FROM units ORDER BY code LIMIT 2`);
    const issued = await office.post('/api/work-orders', {
      title: '序列化对照',
      body: '对照测试',
      assignments: units.map((u, i) => ({ unitId: u.id, role: i === 0 ? 'lead' : 'assist' })),
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const order = issued.json() as { id: string; tasks: { id: string }[] };

    const redis = createRedis(TEST_REDIS_URL, 'producer');
    const production = await buildApp({
      config: { ...env.config, checkResponses: false },
      database: env.database,
      redis,
      clock: env.clock,
      logger: false,
    });
    try {
      const urls = [
        ...env.app.routeTable
          .filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.includes(':'))
          .map((r) => r.url),
        `/api/work-orders/${order.id}`,
        `/api/tasks/${order.tasks[0].id}`,
        `/api/tasks/${order.tasks[0].id}/escalations`,
      ];
      let compared = 0;
      for (const url of urls) {
        const checked = await office.get(url);
        const written = await production.inject({
          method: 'GET',
          url,
          headers: { authorization: `Bearer ${office.token}` },
        });
        expect(written.statusCode, url).toBe(checked.statusCode);
        expect(checked.statusCode, `${url}: ${checked.body}`).toBeLessThan(500);
        if (
          checked.statusCode === 200 &&
          String(checked.headers['content-type']).includes('json')
        ) {
          expect(written.body, url).toBe(checked.body);
          compared++;
        }
      }
      // the listings above, the order, its task and the task's escalations at least
      expect(compared).toBeGreaterThanOrEqual(20);
    } finally {
      await production.close();
      redis.disconnect();
    }
  });

  it('a response its schema does not describe fails when checked, and is cut to the schema when not', async () => {
    const build = async (check: boolean) => {
      const app = Fastify().withTypeProvider<ZodTypeProvider>();
      app.setValidatorCompiler(validatorCompiler);
      app.setSerializerCompiler(compiledSerializer(check));
      // a property may be named like a keyword the writer leaves out of schemas
      const Item = z.object({
        id: z.string(),
        at: z.iso.datetime().nullable(),
        n: z.number(),
        pattern: z.string(),
      });
      app.get('/wrong', { schema: { response: { 200: Item } } }, async () => ({
        id: 7 as unknown as string,
        at: null,
        n: 1,
        pattern: '^a',
        secret: 'not in the schema',
      }));
      await app.ready();
      return app;
    };
    const checked = await build(true);
    const written = await build(false);
    try {
      expect((await checked.inject('/wrong')).statusCode).toBe(500);
      const res = await written.inject('/wrong');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ id: '7', at: null, n: 1, pattern: '^a' });
    } finally {
      await checked.close();
      await written.close();
    }
  });
});
