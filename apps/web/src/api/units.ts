import type { CreateDutyInput, CreateUnitInput, Duty, UnitDetail } from '@lianxi/domain';
import type { z } from 'zod';
import { post } from './client';

export const createUnit = (body: z.input<typeof CreateUnitInput>) =>
  post<UnitDetail>('/api/units', body);
export const addDuty = (unitId: string, body: z.input<typeof CreateDutyInput>) =>
  post<Duty>(`/api/units/${unitId}/duties`, body);
