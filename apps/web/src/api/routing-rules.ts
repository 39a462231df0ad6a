import type { CreateRoutingRuleInput, RoutingRule, UpdateRoutingRuleInput } from '@lianxi/domain';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { del, get, patch, post } from './client';
import { clueKeys } from './clues';

export type RoutingRuleChange = z.input<typeof UpdateRoutingRuleInput>;
/** The kinds a rule may hand on with: a 立案监督 request is never routed by a rule. */
export type RuleKind = NonNullable<RoutingRuleChange['kind']>;

export const createRoutingRule = (body: z.input<typeof CreateRoutingRuleInput>) =>
  post<RoutingRule>('/api/routing-rules', body);
export const updateRoutingRule = (id: string, body: RoutingRuleChange) =>
  patch<RoutingRule>(`/api/routing-rules/${id}`, body);
export const deleteRoutingRule = (id: string) => del(`/api/routing-rules/${id}`);

export function useRoutingRules() {
  return useQuery({
    queryKey: clueKeys.routingRules,
    queryFn: () =>
      get<{ items: RoutingRule[] }>('/api/routing-rules').then((r) =>
        [...r.items].sort((a, b) => a.position - b.position),
      ),
  });
}
