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
        params: IdParams,
        response: { 200: Notification },
      },
    },
    async (request) => markNotificationRead(request.ctx, request.params.id),
  );
}
