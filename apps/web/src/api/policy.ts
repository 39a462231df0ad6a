import type { PolicyView, UpdatePolicyInput } from '@lianxi/domain';
import type { z } from 'zod';
import { put } from './client';

export const savePolicy = (body: z.input<typeof UpdatePolicyInput>) =>
  put<PolicyView>('/api/policy', body);
