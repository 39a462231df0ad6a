import type { CalendarYearView, ImportCalendarInput } from '@lianxi/domain';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, put } from './client';
import { keys } from './queries';

export const fetchCalendar = (year: number) => get<CalendarYearView>(`/api/calendar/${year}`);

/** A year's calendar replaced; the answer counts the deadlines recomputed by it. */
export const importCalendar = (year: number, body: z.input<typeof ImportCalendarInput>) =>
  put<CalendarYearView & { recounted: number }>(`/api/calendar/${year}`, body);

export function useCalendar(year: number) {
  return useQuery({
    queryKey: keys.calendar(year),
    queryFn: () => fetchCalendar(year),
    staleTime: 60 * 60_000,
  });
}
