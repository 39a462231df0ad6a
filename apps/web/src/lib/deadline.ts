import {
  buildCalendar,
  CLOCK_RUNS,
  localDate,
  OPEN_STATUSES,
  type TaskStatus,
  workdaysBetween,
  type WorkdayCalendar,
} from '@lianxi/domain';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchCalendar } from '../api/calendar';
import { keys } from '../api/queries';
import { TIME_ZONE } from './format';

/** A year that failed to load just counts Monday–Friday: the label is a hint, not the rule. */
export function useWorkdayCalendar(): WorkdayCalendar {
  const year = Number(localDate(new Date(), TIME_ZONE).slice(0, 4));
  const results = useQueries({
    queries: [year, year + 1].map((y) => ({
      queryKey: keys.calendar(y),
      queryFn: () => fetchCalendar(y),
      staleTime: 60 * 60_000,
    })),
  });
  const [thisYear, nextYear] = [results[0].data, results[1].data];
  return useMemo(() => {
    const loaded = [thisYear, nextYear].filter((d) => d !== undefined);
    return buildCalendar(
      loaded.map((d) => d.year),
      loaded.flatMap((d) => d.days),
    );
  }, [thisYear, nextYear]);
}

export type DeadlineState =
  | { kind: 'done' }
  | { kind: 'paused' }
  | { kind: 'overdue' }
  | { kind: 'today' }
  | { kind: 'left'; workdays: number };

/** Where a task stands against its deadline, as the unit and the office read it. */
export function deadlineState(
  cal: WorkdayCalendar,
  status: TaskStatus,
  dueAt: string,
  now = new Date(),
): DeadlineState {
  if (!OPEN_STATUSES.includes(status)) return { kind: 'done' };
  if (!CLOCK_RUNS.includes(status)) return { kind: 'paused' };
  const due = new Date(dueAt);
  if (due <= now) return { kind: 'overdue' };
  const today = localDate(now, TIME_ZONE);
  const dueDay = localDate(due, TIME_ZONE);
  if (dueDay === today) return { kind: 'today' };
  const left = workdaysBetween(cal, today, dueDay).value;
  return left === 0 ? { kind: 'today' } : { kind: 'left', workdays: left };
}

/** 临期: the unit's last workday before the deadline, as the default policy's reminder. */
export const isDueSoon = (s: DeadlineState) =>
  s.kind === 'today' || (s.kind === 'left' && s.workdays <= 1);

export function deadlineText(s: DeadlineState): string {
  switch (s.kind) {
    case 'done':
      return '';
    case 'paused':
      return '计时暂停';
    case 'overdue':
      return '已逾期';
    case 'today':
      return '今日到期';
    case 'left':
      return `剩余 ${s.workdays} 个工作日`;
  }
}
