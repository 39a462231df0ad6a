import {
  acceptTask,
  type Ctx,
  decideExtension,
  extensionAllowance,
  getTask,
  listEscalations,
  listExtensionRequests,
  listTasks,
  recordProgress,
  reportTask,
  requestExtension,
  returnTask,
  reviewTask,
  ruleOnReturn,
  urgeTask,
  withdrawTask,
} from '@lianxi/core';
import {
  countedPage,
  AcceptTaskInput,
  Escalation,
  ExtensionAllowance,
  ExtensionDecisionInput,
  ExtensionRequest,
  ExtensionRequestInput,
  IdParams,
  ProgressInput,
  ReportInput,
  ReturnTaskInput,
  ReviewInput,
  RulingInput,
  TaskDetail,
  TaskListQuery,
  TaskSummary,
  UrgeTaskInput,
  WithdrawInput,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export async function taskRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['任务'];
  const unit = { access: ['unit'] as const };
  const office = { access: ['office', 'admin'] as const };

  app.get(
    '/api/tasks',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '任务列表',
        querystring: TaskListQuery,
        response: { 200: countedPage(TaskSummary) },
      },
    },
    async (request) => listTasks(request.ctx, request.query),
  );
  app.get(
    '/api/tasks/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '任务详情', params: IdParams, response: { 200: TaskDetail } },
    },
    async (request) => getTask(request.ctx, request.params.id),
  );
  app.get(
    '/api/tasks/:id/escalations',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '任务的催办督办记录',
        params: IdParams,
        response: { 200: z.object({ items: z.array(Escalation) }) },
      },
    },
    async (request) => listEscalations(request.ctx, request.params.id),
  );

  /** One route per action: validate, call the verb, answer the task as it now stands. */
  const action = <S extends z.ZodType>(
    path: string,
    summary: string,
    config: { access: readonly ('unit' | 'office' | 'admin' | 'supervisor')[] },
    body: S,
    verb: (ctx: Ctx, id: string, input: z.infer<S>) => Promise<unknown>,
  ) =>
    app.post(
      `/api/tasks/:id/${path}`,
      { config, schema: { tags, summary, params: IdParams, body, response: { 200: TaskDetail } } },
      async (request) => {
        await verb(request.ctx, request.params.id, request.body as z.infer<S>);
        return getTask(request.ctx, request.params.id);
      },
    );

  action('accept', '签收', unit, AcceptTaskInput, acceptTask);
  action('return', '退回', unit, ReturnTaskInput, returnTask);
  action('progress', '报告进展', unit, ProgressInput, recordProgress);
  action('report', '反馈办理结果', unit, ReportInput, reportTask);
  action('review', '审核反馈', office, ReviewInput, reviewTask);
  action('ruling', '审定退回', office, RulingInput, ruleOnReturn);
  action('withdraw', '撤回任务', office, WithdrawInput, withdrawTask);
  const supervisor = { access: ['supervisor'] as const };
  action('urge', '人工催办', supervisor, UrgeTaskInput, (ctx, id, input) =>
    urgeTask(ctx, id, 'urge', input),
  );
  action('supervise', '人工督办（立督办件）', supervisor, UrgeTaskInput, (ctx, id, input) =>
    urgeTask(ctx, id, 'supervise', input),
  );

  app.get(
    '/api/tasks/:id/extension-allowance',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '延期额度：最晚可延期至哪一天',
        params: IdParams,
        response: { 200: ExtensionAllowance },
      },
    },
    async (request) => extensionAllowance(request.ctx, request.params.id),
  );
  app.post(
    '/api/tasks/:id/extension-requests',
    {
      config: unit,
      schema: {
        tags,
        summary: '申请延期',
        params: IdParams,
        body: ExtensionRequestInput,
        response: { 201: ExtensionRequest },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requestExtension(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/tasks/:id/extension-requests',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '任务的延期申请',
        params: IdParams,
        response: { 200: z.object({ items: z.array(ExtensionRequest) }) },
      },
    },
    async (request) => listExtensionRequests(request.ctx, request.params.id),
  );
  app.post(
    '/api/extension-requests/:id/decision',
    {
      config: office,
      schema: {
        tags,
        summary: '审批延期申请',
        params: IdParams,
        body: ExtensionDecisionInput,
        response: { 200: ExtensionRequest },
      },
    },
    async (request) => decideExtension(request.ctx, request.params.id, request.body),
  );
}
