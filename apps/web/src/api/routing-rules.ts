import type { CreateRoutingRuleInput, RoutingRule, UpdateRoutingRuleInput } from '@lianxi/domain';
import type { z } from 'zod';
import { del, patch, post } from './client';

export const createRoutingRule = (body: z.input<typeof CreateRoutingRuleInput>) =>
  post<RoutingRule>('/api/routing-rules', body);
export const updateRoutingRule = (id: string, body: z.input<typeof UpdateRoutingRuleInput>) =>
  patch<RoutingRule>(`/api/routing-rules/${id}`, body);
export const deleteRoutingRule = (id: string) => del(`/api/routing-rules/${id}`);
