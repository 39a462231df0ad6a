import { deliverWebhook } from '@lianxi/core';
import type { Processors } from './types.js';

export const notificationProcessors: Processors<'notifications'> = {
  webhook: async (payload, ctx) => {
    await deliverWebhook(ctx, payload);
  },
};
