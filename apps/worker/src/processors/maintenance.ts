import { purgeEndedSessions, purgePublishedOutbox } from '@lianxi/core';
import type { Processors } from './types.js';

export const maintenanceProcessors: Processors<'maintenance'> = {
  'purge-sessions': async (_payload, ctx) => {
    await purgeEndedSessions(ctx);
  },
  'purge-outbox': async (_payload, ctx) => {
    await purgePublishedOutbox(ctx);
  },
};
