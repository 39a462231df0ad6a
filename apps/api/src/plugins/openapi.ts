import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI 3.1 generated from the routes' zod schemas; the document is at /docs/json. */
export const openapiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '联席 Lianxi API',
        description: '联席会议协同平台接口。错误一律以 application/problem+json（RFC 9457）返回。',
        version: '1.0.0',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
    },
    // a public route (login, refresh, logout) needs no token: say so, or clients send one
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = (input.route.config as { access?: unknown } | undefined)?.access;
      return access === 'public' ? { ...out, schema: { ...out.schema, security: [] } } : out;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
});
