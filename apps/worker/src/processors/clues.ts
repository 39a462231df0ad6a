import { routeClue } from '@lianxi/core';
import type { Processors } from './types.js';

export const clueProcessors: Processors<'clues'> = {
  route: async ({ clueId }, ctx) => {
    await routeClue(ctx, clueId);
  },
};
