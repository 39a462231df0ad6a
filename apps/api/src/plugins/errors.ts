import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { classify } from '../http/classify.js';
import { problem } from '../http/problem.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** One error handler for the whole API: every failure leaves as problem+json with the request id. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error, request, reply) => {
    const c = classify(error);
    if (c.unexpected) request.log.error({ err: error }, 'unexpected error');
    else if (c.status === 503) request.log.warn({ err: error }, 'dependency unavailable');
    if (c.retryAfterSeconds) reply.header('retry-after', String(c.retryAfterSeconds));
    // RFC 9110: a 401 names the scheme that would let the request through
    if (c.status === 401) reply.header('www-authenticate', 'Bearer realm="lianxi"');
    const body = problem(c.code, c.status, c.detail, {
      errors: c.errors,
      requestId: request.id,
      instance: request.url.split('?')[0],
    });
    return reply.status(c.status).type('application/problem+json').send(JSON.stringify(body));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    // a known path asked with a method it does not take is a 405 naming the ones it does
    const allowed = METHODS.filter((method) => app.findRoute({ method, url: path }));
    if (allowed.length) {
      const body = problem('method_not_allowed', 405, `该接口不支持 ${request.method} 请求`, {
        requestId: request.id,
        instance: path,
      });
      return reply
        .status(405)
        .header('allow', allowed.join(', '))
        .type('application/problem+json')
        .send(JSON.stringify(body));
    }
    const body = problem(
      'not_found',
      404,
      `接口不存在：${request.method} ${request.url.split('?')[0]}`,
      {
        requestId: request.id,
      },
    );
    return reply.status(404).type('application/problem+json').send(JSON.stringify(body));
  });
});
