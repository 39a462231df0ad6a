import fastifyJwt from '@fastify/jwt';
import { type BaseCtx, type Ctx, loadSession, SESSION_CHANNEL, SessionCache } from '@lianxi/core';
import { listenFor } from '@lianxi/db';
import { AppError, type Me, type Role } from '@lianxi/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppDeps } from '../deps.js';

/** Who may call a route: nobody needs to log in, any logged-in user, or only these roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    ctx: Ctx;
    /** The logged-in user, as loaded with the session on this request. */
    me: Me;
  }
  interface FastifyInstance {
    baseCtx(request: FastifyRequest): BaseCtx;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

export const ISSUER = 'lianxi';
/** Until a seeded or admin-set password is replaced, production allows only these. */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/me', '/api/me/password', '/api/auth/logout']);

export const authPlugin = fp(async (app: FastifyInstance, deps: AppDeps) => {
  await app.register(fastifyJwt, {
    secret: deps.config.jwtSecret,
    sign: { algorithm: 'HS256', iss: ISSUER, expiresIn: deps.config.accessTokenTtlSeconds },
    // a token's signature is checked once per process, then remembered until it expires;
    // its session is still looked up on every request
    verify: { algorithms: ['HS256'], allowedIss: ISSUER, cache: true },
    messages: {
      noAuthorizationInHeaderMessage: '缺少登录凭证（Authorization: Bearer …）',
      authorizationTokenExpiredMessage: '登录凭证已过期，请刷新或重新登录',
      authorizationTokenInvalid: '登录凭证无效',
      authorizationTokenUntrusted: '登录凭证无效',
      badRequestErrorMessage: '登录凭证格式错误，应为 Authorization: Bearer <token>',
    },
  });

  // logins are remembered only while the database's change notices reach this process
  const sessions = new SessionCache();
  const notices = listenFor({
    databaseUrl: deps.config.databaseUrl,
    channel: SESSION_CHANNEL,
    onNotify: (notice) => sessions.forget(notice),
    onListening: () => sessions.trust(),
    onLost: () => sessions.distrust(),
    retryMs: 1000,
  });
  app.addHook('onClose', async () => {
    sessions.distrust();
    await notices.stop();
  });

  app.decorate('baseCtx', (request: FastifyRequest) => ({
    db: deps.database.db,
    clock: deps.clock,
    log: request.log,
    requestId: request.id,
    sessions,
  }));
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('me', null as unknown as Me);

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    let claims: AccessClaims;
    try {
      claims = await request.jwtVerify<AccessClaims>();
    } catch (e) {
      const message = (e as Error).message;
      throw new AppError('unauthenticated', message || '登录凭证无效');
    }
    const base = app.baseCtx(request);
    const user = await loadSession(base, claims.sid);
    if (user.id !== claims.sub) throw new AppError('unauthenticated', '登录凭证无效');
    if (access !== 'authenticated' && !access.includes(user.role)) {
      throw new AppError('forbidden', '当前角色无权访问此接口');
    }
    if (
      deps.config.env === 'production' &&
      user.mustChangePassword &&
      !PASSWORD_CHANGE_ROUTES.has(request.routeOptions.url ?? '')
    ) {
      throw new AppError('password_change_required', '首次登录须先修改初始密码');
    }
    const { sessionId: _sessionId, ...me } = user;
    request.me = me;
    request.ctx = {
      ...base,
      actor: { userId: user.id, role: user.role, unitId: user.unitId, sessionId: user.sessionId },
      conferenceId: user.conferenceId,
    };
  });
});
