import {
  createUser,
  LOGIN_LOG_READERS,
  listLoginLog,
  listUsers,
  resetPassword,
  setUserDisabled,
  updateUser,
} from '@lianxi/core';
import {
  countedPage,
  CreateUserInput,
  IdParams,
  LoginLogPage,
  LoginLogQuery,
  ResetPasswordInput,
  UpdateUserInput,
  User,
  UserListQuery,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export async function userRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['账号'];

  app.get(
    '/api/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: '账号列表（按用户名、姓名、电话、单位、角色、状态筛选）',
        operationId: 'listUsers',
        description: '分页列出账号，可按用户名、姓名、电话、单位、角色、状态筛选。',
        querystring: UserListQuery,
        response: { 200: countedPage(User) },
      },
    },
    async (request) => listUsers(request.ctx, request.query),
  );

  app.post(
    '/api/users',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: '新建账号',
        operationId: 'createUser',
        description: '系统管理员新建账号，首次登录时须修改初始密码。',
        body: CreateUserInput,
        response: { 201: User },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(request.ctx, request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: '修改账号（姓名、电话、角色、所属单位；角色或单位变更后须重新登录）',
        operationId: 'updateUser',
        description: '修改账号的姓名、电话、角色或所属单位；角色或单位变更后该账号须重新登录。',
        params: IdParams,
        body: UpdateUserInput,
        response: { 200: User },
      },
    },
    async (request) => updateUser(request.ctx, request.params.id, request.body),
  );

  for (const [action, disabled, operationId, summary, description] of [
    ['disable', true, 'disableUser', '停用账号', '停用账号，其现有登录随即结束，此后不能再登录。'],
    ['enable', false, 'enableUser', '启用账号', '重新启用已停用的账号。'],
  ] as const) {
    app.post(
      `/api/users/:id/${action}`,
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          operationId,
          summary,
          description,
          params: IdParams,
          response: { 200: User },
        },
      },
      async (request) => setUserDisabled(request.ctx, request.params.id, disabled),
    );
  }

  app.post(
    '/api/users/:id/password',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: '重置密码（须在首次登录时修改）',
        operationId: 'resetPassword',
        description: '系统管理员重置账号密码，账号须在下次登录时修改。',
        params: IdParams,
        body: ResetPasswordInput,
        response: { 200: User },
      },
    },
    async (request) => resetPassword(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/login-log',
    {
      config: { access: [...LOGIN_LOG_READERS] },
      schema: {
        tags,
        summary: '登录日志（按用户名、结果、地址、日期筛选）',
        operationId: 'listLoginLog',
        description: '分页查询登录日志，可按用户名、结果、地址和日期筛选。',
        querystring: LoginLogQuery,
        response: { 200: LoginLogPage },
      },
    },
    async (request) => listLoginLog(request.ctx, request.query),
  );
}
