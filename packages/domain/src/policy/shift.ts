import { addWorkdays, type WorkdayCalendar } from '../calendar/workday-calendar.js';
import { addDays, endOfLocalDay, localDate } from '../calendar/zoned.js';
import type { Duration } from './schemas.js';

export interface Shifted {
  at: Date;
  provisional: boolean;
}

const UNIT_MS = { hour: 3_600_000, minute: 60_000, second: 1000 } as const;

/**
 * Moves an instant by a policy duration. Hours, minutes and seconds are exact; days and
 * workdays land at the end of the local day they reach, the way a written limit
 * ("5 个工作日内") is read: by the end of that day.
 */
export function shift(
  cal: WorkdayCalendar,
  timeZone: string,
  from: Date,
  duration: Duration,
  direction: 1 | -1 = 1,
): Shifted {
  const n = duration.amount * direction;
  switch (duration.unit) {
    case 'hour':
    case 'minute':
    case 'second':
      return { at: new Date(from.getTime() + n * UNIT_MS[duration.unit]), provisional: false };
    case 'day':
      return {
        at: endOfLocalDay(addDays(localDate(from, timeZone), n), timeZone),
        provisional: false,
      };
    case 'workday': {
      const day = addWorkdays(cal, localDate(from, timeZone), n);
      return { at: endOfLocalDay(day.value, timeZone), provisional: day.provisional };
    }
  }
}
