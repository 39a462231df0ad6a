import type { PolicyView, UpdatePolicyInput } from '@lianxi/domain';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, put } from './client';
import { keys } from './queries';

export const savePolicy = (body: z.input<typeof UpdatePolicyInput>) =>
  put<PolicyView>('/api/policy', body);

export function usePolicy() {
  return useQuery({ queryKey: keys.policy, queryFn: () => get<PolicyView>('/api/policy') });
}
