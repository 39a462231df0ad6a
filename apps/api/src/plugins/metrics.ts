import { timingSafeEqual } from 'node:crypto';
import { AppError } from '@lianxi/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface MetricsOptions {
  /** Outside production anyone may read the figures; in production only the scraper. */
  production: boolean;
  token?: string;
}

/**
 * The figures tell how busy the platform is and which routes it has: in production only a
 * scraper presenting the configured token reads them, and with no token configured nobody.
 */
function admitScraper(request: FastifyRequest, { production, token }: MetricsOptions): void {
  if (!production) return;
  if (!token) throw new AppError('forbidden', '未配置 METRICS_TOKEN，运行指标不对外提供');
  const given = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '');
  const wanted = Buffer.from(token);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    throw new AppError('unauthenticated', '读取运行指标须提供有效的 METRICS_TOKEN 凭证');
  }
}

/** Prometheus metrics: process defaults and request latency by route pattern (not raw URL). */
export const metricsPlugin = fp(async (app: FastifyInstance, opts: MetricsOptions) => {
  const register = new Registry();
  collectDefaultMetrics({ register });
  const duration = new Histogram({
    name: 'lianxi_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [register],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  app.get(
    '/metrics',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      admitScraper(request, opts);
      reply.type(register.contentType);
      return register.metrics();
    },
  );
});
