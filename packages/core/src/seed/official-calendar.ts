import chineseDays from 'chinese-days';

/** The years whose State Council schedule ships in the `chinese-days` package. */
export const BUNDLED_CALENDAR_YEARS = { from: 2004, to: 2026 } as const;

export interface CalendarException {
  date: string;
  workday: boolean;
  name: string;
}

/**
 * The days of `year` that are not what the weekday says: statutory holidays (named, even when
 * they fall on a weekend) and make-up workdays (调休). `chinese-days` names such days
 * "English,中文,N" and plain weekends by weekday name only.
 */
export function officialExceptions(year: number): CalendarException[] {
  const days: CalendarException[] = [];
  for (
    let d = new Date(Date.UTC(year, 0, 1));
    d.getUTCFullYear() === year;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const date = d.toISOString().slice(0, 10);
    const detail = chineseDays.getDayDetail(date);
    if (!detail.name.includes(',')) continue;
    const festival = detail.name.split(',')[1];
    days.push({ date, workday: detail.work, name: detail.work ? `${festival}调休上班` : festival });
  }
  return days;
}
