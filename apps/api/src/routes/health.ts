import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms),
    ),
  ]);

async function check(work: () => Promise<unknown>): Promise<string> {
  try {
    await within(2000, work());
    return 'ok';
  } catch (e) {
    return `down: ${(e as Error).message}`;
  }
}

export async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  const hide = { hide: true };
  app.get('/health/live', { config: { access: 'public' }, schema: hide }, async () => ({
    status: 'ok',
  }));

  app.get('/health/ready', { config: { access: 'public' }, schema: hide }, async (_req, reply) => {
    const [postgres, redis] = await Promise.all([
      check(() => deps.database.pool.query('SELECT 1')),
      check(() => deps.redis.ping()),
    ]);
    const ready = postgres === 'ok' && redis === 'ok';
    return reply.status(ready ? 200 : 503).send({
      status: ready ? 'ok' : 'unavailable',
      checks: { postgres, redis },
    });
  });
}
