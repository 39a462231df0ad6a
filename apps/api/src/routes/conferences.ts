import {
  createSubConference,
  getOrderDownProgress,
  issueOrderDown,
  listOrdersDown,
  listSubConferences,
  splitOrderDown,
  TREE_BUILDERS,
  TREE_READERS,
} from '@lianxi/core';
import {
  CreatedSubConference,
  CreateSubConferenceInput,
  IdParams,
  IssueOrderDownInput,
  IssueWorkOrderInput,
  OrderDownItem,
  OrderDownListQuery,
  OrderDownProgress,
  ROSTER_EDITORS,
  SubConferenceTree,
  WorkOrder,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

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

  app.post(
    '/api/conferences/work-orders',
    {
      config: { access: ROSTER_EDITORS },
      schema: {
        tags,
        operationId: 'issueOrderDown',
        summary: '向下级交办',
        description:
          '本级打传办向直属下级联席会议的打传办交办：本级留存交办单（本级文号），每个下级各得一份交办单（下级文号，注明上级文号），' +
          '由其办公室所在单位承办一个任务；签收、办理期限和督办阶梯按本级的督办规则和工作日历计算。' +
          '不是直属下级或下级尚无办公室所在单位时答 422，什么也不留下。本级和各下级的审计链分别记录交办和收办。',
        body: IssueOrderDownInput,
        response: { 201: OrderDownProgress },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueOrderDown(request.ctx, request.body)),
  );

  app.post(
    '/api/conferences/work-orders/:id/split',
    {
      config: { access: ROSTER_EDITORS },
      schema: {
        tags,
        operationId: 'splitOrderDown',
        summary: '分解上级交办单',
        description:
          '下级打传办把收到的上级交办单分解为本级的交办单，交给本级成员单位办理（必须且只能有一个主办单位）：' +
          '本级文号，按本级的督办规则和工作日历计算期限，注明所分解的上级交办单；办理期限不得晚于上级交办任务的期限，晚于时答 422。' +
          '只有持有该上级交办单的联席会议的打传办或管理员可以分解，其他会议的交办单或并非上级交办的交办单答 404。' +
          '上级交办任务的办理记录写明分解出的交办单，本级审计链记录分解；上级查看办理进度时一并看到分解出的任务。',
        params: IdParams,
        body: IssueWorkOrderInput,
        response: { 201: WorkOrder },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await splitOrderDown(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/conferences/work-orders/:id',
    {
      config: { access: TREE_READERS },
      schema: {
        tags,
        operationId: 'getOrderDownProgress',
        summary: '下级办理进度',
        description:
          '本级向下交办的一份交办单在各级下级的办理进度：每个下级的交办单、承办任务的状态、期限和督办级别，一次读出。' +
          '只能读本级发出的交办单（其他的答 404）；每次查看记入本级审计链。',
        params: IdParams,
        response: { 200: OrderDownProgress },
      },
    },
    async (request) => getOrderDownProgress(request.ctx, request.params.id),
  );

  app.get(
    '/api/conferences/work-orders',
    {
      config: { access: TREE_READERS },
      schema: {
        tags,
        operationId: 'listOrdersDown',
        summary: '向下交办的交办单',
        description:
          '本级向下级交办的交办单，最新的在前（最多 limit 份）：每份的直属下级份数、已办结份数和已进入催办及以上的份数。',
        querystring: OrderDownListQuery,
        response: { 200: z.object({ items: z.array(OrderDownItem) }) },
      },
    },
    async (request) => listOrdersDown(request.ctx, request.query),
  );
}
