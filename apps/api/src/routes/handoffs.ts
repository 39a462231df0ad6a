import {
  answerHandoff,
  getHandoff,
  handOverItems,
  listHandoffs,
  overdueHandoffs,
  receiveHandoff,
  requestProcuratorateSupervision,
  requestReconsideration,
  sendHandoff,
  urgeHandoff,
} from '@lianxi/core';
import {
  countedPage,
  Handoff,
  HandoffBoxQuery,
  HandoffDetail,
  HandoffReasonInput,
  HandoffResultInput,
  IdParams,
  SendHandoffInput,
  UrgeTaskInput,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export async function handoffRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['线索'];

  app.post(
    '/api/clues/:id/handoffs',
    {
      config: { access: ['office', 'admin', 'unit'] },
      schema: {
        tags,
        summary: '移送线索',
        operationId: 'sendHandoff',
        description: '把线索移送给有管辖权的单位。',
        params: IdParams,
        body: SendHandoffInput,
        response: { 201: Handoff },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await sendHandoff(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/handoffs',
    {
      config: { access: ['office', 'admin', 'unit'] },
      schema: {
        tags,
        summary: '移送收件箱 / 发件箱',
        operationId: 'listHandoffs',
        description: '调用者单位收到（收件箱）或发出（发件箱）的移送，分页列出。',
        querystring: HandoffBoxQuery,
        response: { 200: countedPage(Handoff) },
      },
    },
    async (request) => listHandoffs(request.ctx, request.query),
  );
  app.post(
    '/api/handoffs/:id/receive',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary: '接收移送',
        operationId: 'receiveHandoff',
        description: '接收单位确认接收移送。',
        params: IdParams,
        response: { 200: Handoff },
      },
    },
    async (request) => receiveHandoff(request.ctx, request.params.id),
  );
  app.post(
    '/api/handoffs/:id/result',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary: '反馈移送办理结果',
        operationId: 'answerHandoff',
        description: '接收单位反馈移送的办理结果（立案、不予立案等）。',
        params: IdParams,
        body: HandoffResultInput,
        response: { 200: Handoff },
      },
    },
    async (request) => answerHandoff(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/handoffs/overdue',
    {
      config: { access: ['supervisor', 'office', 'admin', 'leader'] },
      schema: {
        tags,
        summary: '逾期移送（督办台）',
        operationId: 'overdueHandoffs',
        description: '督办台：逾期未接收或未反馈的移送。',
        response: { 200: z.object({ items: z.array(Handoff) }) },
      },
    },
    async (request) => overdueHandoffs(request.ctx),
  );
  app.get(
    '/api/handoffs/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '移送详情（含办理过程）',
        operationId: 'getHandoff',
        description: '移送详情，含完整的办理过程。',
        params: IdParams,
        response: { 200: HandoffDetail },
      },
    },
    async (request) => getHandoff(request.ctx, request.params.id),
  );
  for (const [kind, operationId, summary, description] of [
    [
      'urge',
      'urgeHandoff',
      '人工催办移送件',
      '督查人员对逾期的移送人工催办，接收单位随即收到催办通知。',
    ],
    [
      'supervise',
      'superviseHandoff',
      '人工督办移送件（立督办件）',
      '督查人员对移送人工督办并立督办件。',
    ],
  ] as const) {
    app.post(
      `/api/handoffs/:id/${kind}`,
      {
        config: { access: ['supervisor'] },
        schema: {
          tags,
          operationId,
          summary,
          description,
          params: IdParams,
          body: UrgeTaskInput,
          response: { 200: Handoff },
        },
      },
      async (request) => urgeHandoff(request.ctx, request.params.id, kind, request.body),
    );
  }
  app.post(
    '/api/handoffs/:id/reconsideration',
    {
      config: { access: ['office', 'admin', 'unit'] },
      schema: {
        tags,
        summary: '对不予立案决定提请复议（3日内）',
        operationId: 'requestReconsideration',
        description: '移送单位对不予立案决定在 3 日内提请复议。',
        params: IdParams,
        body: HandoffReasonInput,
        response: { 200: Handoff },
      },
    },
    async (request) => requestReconsideration(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/handoffs/:id/procuratorate',
    {
      config: { access: ['office', 'admin', 'unit'] },
      schema: {
        tags,
        summary: '建议检察院立案监督（3日内）',
        operationId: 'requestProcuratorateSupervision',
        description: '移送单位对不予立案决定在 3 日内建议检察院立案监督。',
        params: IdParams,
        body: HandoffReasonInput,
        response: { 201: Handoff },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requestProcuratorateSupervision(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/handoffs/:id/items',
    {
      config: { access: ['office', 'admin', 'unit'] },
      schema: {
        tags,
        summary: '登记涉案物品已移交（立案后3日内）',
        operationId: 'handOverItems',
        description: '立案后 3 日内登记涉案物品已移交。',
        params: IdParams,
        body: HandoffReasonInput,
        response: { 200: Handoff },
      },
    },
    async (request) => handOverItems(request.ctx, request.params.id, request.body),
  );
}
