import { z } from 'zod';
import { Text } from '../common/schemas.js';

const IsoDate = z.iso.date();

export const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export type YearParams = z.infer<typeof YearParams>;

export const CalendarDayView = z.object({
  date: IsoDate,
  workday: z.boolean(),
  name: z.string().nullable().optional(),
});

export const CalendarYearView = z.object({
  year: z.number().int(),
  source: z.string().nullable(),
  days: z.array(CalendarDayView),
});
export type CalendarYearView = z.infer<typeof CalendarYearView>;

/** A year's exceptions to Monday–Friday as the State Council publishes them. */
export const ImportCalendarInput = z.object({
  source: Text(1, 200).default('国务院办公厅通知'),
  days: z
    .array(
      z.object({
        date: IsoDate,
        workday: z.boolean(),
        name: Text(1, 50).optional(),
      }),
    )
    .max(366),
});
export type ImportCalendarInput = z.infer<typeof ImportCalendarInput>;
