import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Paths the browser app never owns: everything else falls back to its index.html. */
const SERVER_PATHS = /^\/(api|docs|health|metrics)(\/|$)/;

/**
 * Serves the built web workbench at / on the API's own port, with client-side routes
 * answered by index.html. Without a build, the API runs alone.
 */
export const webPlugin = fp(async (app: FastifyInstance, opts: { dist?: string }) => {
  const dist = opts.dist ?? WEB_DIST;
  if (!existsSync(join(dist, 'index.html'))) {
    app.log.warn({ dist }, 'web build missing: serving the API only');
    return;
  }
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: ['index.html'] });
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (request.method !== 'GET' || SERVER_PATHS.test(path) || request.routeOptions.url) return;
    // a missing asset stays a 404: a script tag must not receive the app's page
    if (/\.[a-z0-9]+$/i.test(path) || path.startsWith('/assets/')) return;
    return reply.type('text/html').sendFile('index.html');
  });
});
