import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '@lianxi/domain';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppDeps } from './deps.js';
import { OneLinePerRequest } from './http/request-log.js';
import { NO_BODY, NO_QUERY, strictInput } from './http/strict.js';
import { compiledSerializer } from './http/serializer.js';
import { type Access, authPlugin } from './plugins/auth.js';
import { errorsPlugin } from './plugins/errors.js';
import { metricsPlugin } from './plugins/metrics.js';
import { openapiPlugin } from './plugins/openapi.js';
import { webPlugin } from './plugins/web.js';
import { attachmentRoutes } from './routes/attachments.js';
import { auditRoutes } from './routes/audit.js';
import { clueRoutes } from './routes/clues.js';
import { conferenceRoutes } from './routes/conferences.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { authRoutes } from './routes/auth.js';
import { handoffRoutes } from './routes/handoffs.js';
import { letterRoutes } from './routes/letters.js';
import { meetingRoutes } from './routes/meetings.js';
import { notificationRoutes } from './routes/notifications.js';
import { briefingRoutes } from './routes/briefings.js';
import { exportRoutes } from './routes/exports.js';
import { statReportRoutes } from './routes/stat-reports.js';
import { healthRoutes } from './routes/health.js';
import { queueRoutes } from './routes/queues.js';
import { policyCalendarRoutes } from './routes/policy-calendar.js';
import { routingRuleRoutes } from './routes/routing-rules.js';
import { supervisionRoutes } from './routes/supervision.js';
import { taskRoutes } from './routes/tasks.js';
import { unitRoutes } from './routes/units.js';
import { workOrderRoutes } from './routes/work-orders.js';
import { userRoutes } from './routes/users.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface RegisteredRoute {
  method: string;
  url: string;
  /** undefined: no check at all (health, metrics, docs, the web app). */
  access: Access | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RegisteredRoute[];
  }
}

/** The whole HTTP API, ready for `inject` or `listen`; it never listens by itself. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { coerceTypes: false } },
    logController: new OneLinePerRequest(),
  }).withTypeProvider<ZodTypeProvider>();

  // Every route with who may call it: the permission matrix is checked against this.
  const routeTable: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, access: route.config?.access });
    }
  });
  app.decorate('routeTable', routeTable);
  // an API route that defines no query (or, for a write, no body) takes none: see below
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.schema?.hide) return;
    const methods = [route.method].flat();
    const upload = route.schema?.consumes?.includes('multipart/form-data');
    const write = methods.some((m) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m));
    route.schema = {
      ...route.schema,
      ...(route.schema?.querystring ? {} : { querystring: NO_QUERY }),
      ...(write && !upload && !route.schema?.body ? { body: NO_BODY } : {}),
    };
  });

  // Inputs are strict: a query parameter or body field the route does not define is a 400
  // naming it (http/classify.ts), never dropped silently; a route with no query schema takes
  // no parameter, a write with no body schema no field. Multipart uploads are read by their
  // routes and have no body schema.
  app.setValidatorCompiler<z.ZodType>((route) =>
    validatorCompiler({
      ...route,
      schema:
        route.httpPart === 'body' || route.httpPart === 'querystring'
          ? strictInput(route.schema)
          : route.schema,
    }),
  );
  app.setSerializerCompiler(compiledSerializer(deps.config.checkResponses));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorsPlugin);
  await app.register(helmet);
  await app.register(rateLimit, {
    global: false,
    redis: deps.redis,
    nameSpace: `${deps.config.queuePrefix}-rl-`,
    skipOnError: true,
    errorResponseBuilder: (_req, context) =>
      new AppError('rate_limited', `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`, {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
  await app.register(openapiPlugin);
  await app.register(metricsPlugin, {
    production: deps.config.env === 'production',
    token: deps.config.metricsToken,
  });
  await app.register(authPlugin, deps);

  await app.register(healthRoutes, deps);
  await app.register(authRoutes, deps);
  await app.register(userRoutes);
  await app.register(unitRoutes);
  await app.register(conferenceRoutes);
  await app.register(auditRoutes);
  await app.register(workOrderRoutes);
  await app.register(taskRoutes);
  await app.register(policyCalendarRoutes);
  await app.register(supervisionRoutes);
  await app.register(notificationRoutes);
  await app.register(clueRoutes, deps);
  await app.register(routingRuleRoutes);
  await app.register(handoffRoutes);
  await app.register(attachmentRoutes, deps);
  await app.register(meetingRoutes);
  await app.register(letterRoutes);
  await app.register(statReportRoutes);
  await app.register(briefingRoutes);
  await app.register(exportRoutes);
  await app.register(dashboardRoutes);
  await app.register(queueRoutes, deps);
  if (deps.webDist !== false) await app.register(webPlugin, { dist: deps.webDist });
  return app;
}
