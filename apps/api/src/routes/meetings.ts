import {
  addResolution,
  createMeeting,
  getMeeting,
  issueForResolution,
  listMeetings,
  updateMeeting,
} from '@lianxi/core';
import {
  CreateMeetingInput,
  CreateResolutionInput,
  countedPage,
  IdParams,
  IssueWorkOrderInput,
  Meeting,
  MeetingDetail,
  MeetingListQuery,
  Resolution,
  UpdateMeetingInput,
  WorkOrder,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export async function meetingRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['会议'];
  const office = { access: ['office', 'admin'] } as const;

  app.post(
    '/api/meetings',
    {
      config: office,
      schema: {
        tags,
        summary: '登记会议',
        operationId: 'createMeeting',
        description: '联席办登记一次联席会议。',
        body: CreateMeetingInput,
        response: { 201: Meeting },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMeeting(request.ctx, request.body)),
  );
  app.get(
    '/api/meetings',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '会议列表',
        operationId: 'listMeetings',
        description: '分页列出联席会议。',
        querystring: MeetingListQuery,
        response: { 200: countedPage(Meeting) },
      },
    },
    async (request) => listMeetings(request.ctx, request.query),
  );
  app.get(
    '/api/meetings/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '会议详情及议定事项落实情况',
        operationId: 'getMeeting',
        description: '会议详情，含议定事项及各事项的落实情况。',
        params: IdParams,
        response: { 200: MeetingDetail },
      },
    },
    async (request) => getMeeting(request.ctx, request.params.id),
  );
  app.patch(
    '/api/meetings/:id',
    {
      config: office,
      schema: {
        tags,
        summary: '修改会议记录、纪要',
        operationId: 'updateMeeting',
        description: '修改会议记录与纪要。',
        params: IdParams,
        body: UpdateMeetingInput,
        response: { 200: Meeting },
      },
    },
    async (request) => updateMeeting(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/meetings/:id/resolutions',
    {
      config: office,
      schema: {
        tags,
        summary: '登记议定事项',
        operationId: 'addResolution',
        description: '为会议登记一项议定事项。',
        params: IdParams,
        body: CreateResolutionInput,
        response: { 201: Resolution },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addResolution(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/resolutions/:id/work-orders',
    {
      config: office,
      schema: {
        tags,
        summary: '就议定事项下发交办单',
        operationId: 'issueForResolution',
        description: '就议定事项下发交办单，交办单与该事项关联以跟踪落实。',
        params: IdParams,
        body: IssueWorkOrderInput,
        response: { 201: WorkOrder },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await issueForResolution(request.ctx, request.params.id, request.body)),
  );
}
