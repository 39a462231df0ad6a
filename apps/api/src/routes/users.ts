import { createUser, listLoginLog, listUsers } from '@lianxi/core';
import { CreateUserInput, LoginLogEntry, PageQuery, page, User } from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export async function userRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['账号'];

  app.get(
    '/api/users',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: '账号列表', response: { 200: z.object({ items: z.array(User) }) } },
    },
    async (request) => listUsers(request.ctx),
  );

  app.post(
    '/api/users',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: '新建账号', body: CreateUserInput, response: { 201: User } },
    },
    async (request, reply) => reply.status(201).send(await createUser(request.ctx, request.body)),
  );

  app.get(
    '/api/login-log',
    {
      config: { access: ['admin', 'office', 'supervisor'] },
      schema: {
        tags,
        summary: '登录日志',
        querystring: PageQuery.extend({ username: z.string().trim().max(64).optional() }),
        response: { 200: page(LoginLogEntry) },
      },
    },
    async (request) => listLoginLog(request.ctx, request.query),
  );
}
