import {
  type AuthPolicy,
  changePassword,
  DEFAULT_AUTH_POLICY,
  login,
  logout,
  refresh,
  type SessionUser,
} from '@lianxi/core';
import { ChangePasswordInput, LoginInput, Me, RefreshInput, TokenPair } from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';

export async function authRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const policy: AuthPolicy = {
    ...DEFAULT_AUTH_POLICY,
    sessionIdleMinutes: deps.config.sessionIdleMinutes,
    sessionMaxHours: deps.config.sessionMaxHours,
  };
  const tokens = async (session: { user: SessionUser; refreshToken: string }) => {
    const { sessionId, ...user } = session.user;
    const accessToken = await app.jwt.sign({ sub: user.id, sid: sessionId, role: user.role });
    return {
      accessToken,
      refreshToken: session.refreshToken,
      expiresIn: deps.config.accessTokenTtlSeconds,
      user,
    };
  };
  const tags = ['账号'];

  app.post(
    '/api/auth/login',
    {
      config: {
        access: 'public',
        rateLimit: { max: deps.config.loginRateLimit, timeWindow: 60_000 },
      },
      schema: { tags, summary: '登录', body: LoginInput, response: { 200: TokenPair } },
    },
    async (request) =>
      tokens(
        await login(
          app.baseCtx(request),
          request.body,
          { ip: request.ip, userAgent: request.headers['user-agent'] },
          policy,
        ),
      ),
  );

  app.post(
    '/api/auth/refresh',
    {
      config: { access: 'public' },
      schema: { tags, summary: '刷新登录凭证', body: RefreshInput, response: { 200: TokenPair } },
    },
    async (request) => tokens(await refresh(app.baseCtx(request), request.body, policy)),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'public' },
      schema: { tags, summary: '退出登录', body: RefreshInput, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await logout(app.baseCtx(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '当前用户', response: { 200: Me } },
    },
    async (request) => request.me,
  );

  app.post(
    '/api/me/password',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '修改密码', body: ChangePasswordInput, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await changePassword(request.ctx, request.body);
      return reply.status(204).send(null);
    },
  );
}
