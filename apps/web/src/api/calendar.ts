import type { CalendarYearView, ImportCalendarInput } from '@lianxi/domain';
import type { z } from 'zod';
import { get, put } from './client';

export const fetchCalendar = (year: number) => get<CalendarYearView>(`/api/calendar/${year}`);

/** A year's calendar replaced; the answer counts the deadlines recomputed by it. */
export const importCalendar = (year: number, body: z.input<typeof ImportCalendarInput>) =>
  put<CalendarYearView & { recounted: number }>(`/api/calendar/${year}`, body);
