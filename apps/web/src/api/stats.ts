import type { Rates, Trends } from '@lianxi/domain';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from './client';

/** 签收及时率 / 按期办结率 / 逾期率 of the tasks issued from..to (days). */
export function useRates(from: string, to: string) {
  return useQuery({
    queryKey: ['stats-rates', from, to],
    queryFn: () => get<Rates>(withQuery('/api/stats/rates', { from, to })),
    enabled: from <= to,
  });
}

/** Month by month figures, escalations, clues and hand-offs, from..to (months). */
export function useTrends(from: string, to: string) {
  return useQuery({
    queryKey: ['stats-trends', from, to],
    queryFn: () => get<Trends>(withQuery('/api/stats/trends', { from, to })),
    enabled: from <= to,
  });
}
