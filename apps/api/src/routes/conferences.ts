import { createSubConference, listSubConferences, TREE_BUILDERS, TREE_READERS } from '@lianxi/core';
import { CreatedSubConference, CreateSubConferenceInput, SubConferenceTree } from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export async function conferenceRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['联席会议层级'];

  app.post(
    '/api/conferences',
    {
      config: { access: TREE_BUILDERS },
      schema: {
        tags,
        operationId: 'createSubConference',
        summary: '设立下级联席会议',
        description:
          '本级管理员设立直属下级联席会议：新建下一级行政区划、联席会议及其办公室所在单位（可选用 16 个成员单位的模板），' +
          '并开通下级的系统管理员和打传办账号，一次性初始密码只在本次应答中出现，首次登录须修改。' +
          '全部内容在一个事务中完成；行政区划代码或会议名称重复时答 409，什么也不留下。' +
          '本级审计链记录设立，下级审计链以此开始。',
        body: CreateSubConferenceInput,
        response: { 201: CreatedSubConference },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSubConference(request.ctx, request.body)),
  );

  app.get(
    '/api/conferences/tree',
    {
      config: { access: TREE_READERS },
      schema: {
        tags,
        operationId: 'listSubConferences',
        summary: '下级联席会议',
        description:
          '本级联席会议及其以下各级联席会议，按层级先后排列（每个会议紧随其上级）。' +
          '只从本级向下查找：同级和上级的会议不在其中。',
        response: { 200: SubConferenceTree },
      },
    },
    async (request) => listSubConferences(request.ctx),
  );
}
