import {
  listNotifications,
  markNotificationRead,
  readAllNotifications,
  readNoticesAbout,
  unreadCount,
} from '@lianxi/core';
import {
  countedPage,
  IdParams,
  Notification,
  NotificationQuery,
  ReadAllNotificationsInput,
  ReadSubjectInput,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export async function notificationRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['通知'];

  app.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '我的通知（按关键词、已读未读、类别、日期筛选）',
        operationId: 'listNotifications',
        description: '分页列出当前用户的通知，可按关键词、已读未读、类别和日期筛选。',
        querystring: NotificationQuery,
        response: { 200: countedPage(Notification) },
      },
    },
    async (request) => listNotifications(request.ctx, request.query),
  );
  app.get(
    '/api/notifications/unread-count',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '未读通知数',
        operationId: 'unreadCount',
        description: '当前用户的未读通知数。',
        response: { 200: z.object({ count: z.number().int() }) },
      },
    },
    async (request) => unreadCount(request.ctx),
  );
  app.post(
    '/api/notifications/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '打开或办理事项时，将关于该事项的通知标为已读',
        operationId: 'readNoticesAbout',
        description: '用户打开或办理某事项时，把关于该事项的通知标为已读。',
        body: ReadSubjectInput,
        response: { 200: z.object({ count: z.number().int() }) },
      },
    },
    async (request) => readNoticesAbout(request.ctx, request.body),
  );
  app.post(
    '/api/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '全部标为已读（按通知列表的筛选条件，不限当前页）',
        operationId: 'readAllNotifications',
        description: '按通知列表的筛选条件把全部匹配的通知标为已读，不限当前页。',
        body: ReadAllNotificationsInput,
        response: { 200: z.object({ count: z.number().int() }) },
      },
    },
    async (request) => readAllNotifications(request.ctx, request.body),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '标记已读',
        operationId: 'markNotificationRead',
        description: '把一条通知标为已读。',
        params: IdParams,
        response: { 200: Notification },
      },
    },
    async (request) => markNotificationRead(request.ctx, request.params.id),
  );
}
