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
        operationId: 'listTasks',
        description: '分页列出调用者可见的任务，可按查询参数筛选。',
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
      schema: {
        tags,
        summary: '任务详情',
        operationId: 'getTask',
        description: '任务详情，含办理过程、期限与督办状态。',
        params: IdParams,
        response: { 200: TaskDetail },
      },
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
        operationId: 'listEscalations',
        description: '任务的催办、督办记录。',
        params: IdParams,
        response: { 200: z.object({ items: z.array(Escalation) }) },
      },
    },
    async (request) => listEscalations(request.ctx, request.params.id),
  );

  /** One route per action: validate, call the verb, answer the task as it now stands. */
  const action = <S extends z.ZodType>(
    path: string,
    operationId: string,
    summary: string,
    description: string,
    config: { access: readonly ('unit' | 'office' | 'admin' | 'supervisor')[] },
    body: S,
    verb: (ctx: Ctx, id: string, input: z.infer<S>) => Promise<unknown>,
  ) =>
    app.post(
      `/api/tasks/:id/${path}`,
      {
        config,
        schema: {
          tags,
          operationId,
          summary,
          description,
          params: IdParams,
          body,
          response: { 200: TaskDetail },
        },
      },
      async (request) => {
        await verb(request.ctx, request.params.id, request.body as z.infer<S>);
        return getTask(request.ctx, request.params.id);
      },
    );

  action(
    'accept',
    'acceptTask',
    '签收',
    '责任单位签收交办给本单位的任务，签收时限按工作日历计算。应答任务的最新状态。',
    unit,
    AcceptTaskInput,
    acceptTask,
  );
  action(
    'return',
    'returnTask',
    '退回',
    '责任单位以理由退回不属于本单位职责的任务，由联席办审定。应答任务的最新状态。',
    unit,
    ReturnTaskInput,
    returnTask,
  );
  action(
    'progress',
    'recordProgress',
    '报告进展',
    '责任单位报告任务的办理进展。应答任务的最新状态。',
    unit,
    ProgressInput,
    recordProgress,
  );
  action(
    'report',
    'reportTask',
    '反馈办理结果',
    '责任单位反馈任务的办理结果，交联席办审核。应答任务的最新状态。',
    unit,
    ReportInput,
    reportTask,
  );
  action(
    'review',
    'reviewTask',
    '审核反馈',
    '联席办审核责任单位反馈的办理结果：通过则办结，不通过则退回重办。应答任务的最新状态。',
    office,
    ReviewInput,
    reviewTask,
  );
  action(
    'ruling',
    'ruleOnReturn',
    '审定退回',
    '联席办审定责任单位的退回：同意则改派，不同意则由原单位继续办理。应答任务的最新状态。',
    office,
    RulingInput,
    ruleOnReturn,
  );
  action(
    'withdraw',
    'withdrawTask',
    '撤回任务',
    '联席办撤回已下发的任务。应答任务的最新状态。',
    office,
    WithdrawInput,
    withdrawTask,
  );
  const supervisor = { access: ['supervisor'] as const };
  action(
    'urge',
    'urgeTask',
    '人工催办',
    '督查人员对任务人工催办，责任单位随即收到催办通知。应答任务的最新状态。',
    supervisor,
    UrgeTaskInput,
    (ctx, id, input) => urgeTask(ctx, id, 'urge', input),
  );
  action(
    'supervise',
    'superviseTask',
    '人工督办（立督办件）',
    '督查人员对任务人工督办并立督办件。应答任务的最新状态。',
    supervisor,
    UrgeTaskInput,
    (ctx, id, input) => urgeTask(ctx, id, 'supervise', input),
  );

  app.get(
    '/api/tasks/:id/extension-allowance',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '延期额度：最晚可延期至哪一天',
        operationId: 'extensionAllowance',
        description: '任务最晚可申请延期至哪一天。',
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
        operationId: 'requestExtension',
        description: '责任单位为任务申请延期，说明理由与拟延期至的日期。',
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
        operationId: 'listExtensionRequests',
        description: '任务的延期申请及其审批结果。',
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
        operationId: 'decideExtension',
        description: '联席办批准或驳回延期申请；批准后任务期限随之调整。',
        params: IdParams,
        body: ExtensionDecisionInput,
        response: { 200: ExtensionRequest },
      },
    },
    async (request) => decideExtension(request.ctx, request.params.id, request.body),
  );
}
