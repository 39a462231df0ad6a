import type { CreateDutyInput, CreateUnitInput, Duty, Unit, UnitDetail } from '@lianxi/domain';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import { get, post } from './client';
import { keys } from './queries';

export const createUnit = (body: z.input<typeof CreateUnitInput>) =>
  post<UnitDetail>('/api/units', body);
export const addDuty = (unitId: string, body: z.input<typeof CreateDutyInput>) =>
  post<Duty>(`/api/units/${unitId}/duties`, body);

export function useUnits() {
  return useQuery({
    queryKey: keys.units,
    queryFn: () => get<{ items: Unit[] }>('/api/units').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** Unit names by id, for tables that only carry `unitId`. */
export function useUnitNames(): (id: string) => string {
  const { data } = useUnits();
  return useMemo(() => {
    const names = new Map((data ?? []).map((u) => [u.id, u.name]));
    return (id: string) => names.get(id) ?? '—';
  }, [data]);
}

export function useUnit(id: string | undefined) {
  return useQuery({
    queryKey: keys.unit(id ?? ''),
    queryFn: () => get<UnitDetail>(`/api/units/${id}`),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

export function useUnitDetails(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: keys.unit(id),
      queryFn: () => get<UnitDetail>(`/api/units/${id}`),
      staleTime: 5 * 60_000,
    })),
  });
}
