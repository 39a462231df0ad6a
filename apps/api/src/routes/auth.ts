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
        problems: [401],
        rateLimit: { max: deps.config.loginRateLimit, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary: '登录',
        operationId: 'login',
        description:
          '用用户名和密码登录，应答访问令牌、刷新令牌及当前用户；同一来源请求过于频繁时限流。',
        body: LoginInput,
        response: { 200: TokenPair },
      },
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
      config: { access: 'public', problems: [401] },
      schema: {
        tags,
        summary: '刷新登录凭证',
        operationId: 'refresh',
        description: '用刷新令牌换取新的访问令牌与刷新令牌；旧的刷新令牌随即失效。',
        body: RefreshInput,
        response: { 200: TokenPair },
      },
    },
    async (request) => tokens(await refresh(app.baseCtx(request), request.body, policy)),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '退出登录',
        operationId: 'logout',
        description: '结束刷新令牌所属的登录。',
        body: RefreshInput,
        response: { 204: z.null() },
      },
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
      schema: {
        tags,
        summary: '当前用户',
        operationId: 'getMe',
        description: '当前登录用户的账号、角色与所属单位。',
        response: { 200: Me },
      },
    },
    async (request) => request.me,
  );

  app.post(
    '/api/me/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '修改密码',
        operationId: 'changePassword',
        description: '当前用户修改自己的密码。',
        body: ChangePasswordInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changePassword(request.ctx, request.body);
      return reply.status(204).send(null);
    },
  );
}
