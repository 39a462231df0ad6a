import { localDate } from './zoned.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/**
 * A day as a clerk reads it, in the conference's zone: "2026年12月23日（星期三）". Messages
 * never show an ISO instant: one in UTC names the day before for anything after 16:00 Beijing.
 */
export function chineseDate(at: Date, timeZone: string): string {
  const date = localDate(at, timeZone);
  const [y, m, d] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return `${y}年${m}月${d}日（${weekday}）`;
}

/** The same with the wall-clock time: "2026年12月23日（星期三）17:30". */
export function chineseDateTime(at: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${chineseDate(at, timeZone)}${time}`;
}
