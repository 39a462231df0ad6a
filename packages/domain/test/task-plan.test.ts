import {
  buildCalendar,
  DEFAULT_POLICY,
  type Duration,
  planAroundDue,
  planIssue,
  planOfficeLadder,
  type Policy,
} from '@lianxi/domain';
import { describe, expect, it } from 'vitest';

const TZ = 'Asia/Shanghai';
const workdays = (amount: number): Duration => ({ amount, unit: 'workday' });

/**
 * A small schedule for 2026: Friday 19 June a holiday, Saturday 27 June a make-up workday
 * (调休上班). 2027 is not held, so it is counted Monday–Friday and provisional.
 */
const cal = buildCalendar(
  [2026],
  [
    { date: '2026-06-19', workday: false, name: '端午节' },
    { date: '2026-06-27', workday: true, name: '调休上班' },
  ],
);
/** The same, once 2027's schedule is imported with 1 January a holiday. */
const withNextYear = buildCalendar(
  [2026, 2027],
  [...cal.exceptions.values(), { date: '2027-01-01', workday: false, name: '元旦' }],
);

/** A Beijing day's last instant, written in UTC (Beijing is UTC+8 all year). */
const endOf = (day: string) => `${day}T15:59:59.999Z`;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const planned = (p: ReturnType<typeof planIssue>) => ({
  signDueAt: iso(p.signDueAt),
  returnDueAt: iso(p.returnDueAt),
  dueSoonAt: iso(p.dueSoonAt),
  dueAt: iso(p.dueAt),
  levelAt: p.levelAt.map(iso),
  provisional: p.provisional,
});

describe('planning a task on the workday calendar', () => {
  it('steps over a weekend', () => {
    // Thursday 4 June, 10:00 in Beijing; due in 5 workdays: Fri 5, Mon 8, Tue 9, Wed 10, Thu 11
    const p = planIssue(cal, TZ, DEFAULT_POLICY, new Date('2026-06-04T02:00:00Z'), {
      duration: workdays(5),
    });
    expect(planned(p)).toEqual({
      signDueAt: endOf('2026-06-05'),
      returnDueAt: endOf('2026-06-08'),
      dueSoonAt: endOf('2026-06-10'),
      dueAt: endOf('2026-06-11'),
      // 催办 at the due time itself, 督办 two workdays on, 挂牌督办 five
      levelAt: [endOf('2026-06-11'), endOf('2026-06-15'), endOf('2026-06-18')],
      provisional: false,
    });
  });

  it('steps over a holiday and counts a make-up Saturday', () => {
    // Wednesday 17 June; Friday 19 is a holiday: Thu 18, Mon 22, Tue 23, Wed 24, Thu 25
    const p = planIssue(cal, TZ, DEFAULT_POLICY, new Date('2026-06-17T02:00:00Z'), {
      duration: workdays(5),
    });
    expect(planned(p)).toEqual({
      signDueAt: endOf('2026-06-18'),
      returnDueAt: endOf('2026-06-22'),
      dueSoonAt: endOf('2026-06-24'),
      dueAt: endOf('2026-06-25'),
      // 督办: Fri 26, Sat 27 (调休上班); 挂牌督办: 26, 27, Mon 29, Tue 30, Wed 1 July
      levelAt: [endOf('2026-06-25'), endOf('2026-06-27'), endOf('2026-07-01')],
      provisional: false,
    });
    // issued the day before the holiday, the sign-for limit is the next workday after it
    expect(
      iso(
        planIssue(cal, TZ, DEFAULT_POLICY, new Date('2026-06-18T02:00:00Z'), {
          duration: workdays(5),
        }).signDueAt,
      ),
    ).toBe(endOf('2026-06-22'));
    // issued on Friday 26 June, the make-up Saturday is the first workday after it
    expect(
      iso(
        planIssue(cal, TZ, DEFAULT_POLICY, new Date('2026-06-26T02:00:00Z'), {
          duration: workdays(5),
        }).signDueAt,
      ),
    ).toBe(endOf('2026-06-27'));
  });

  it('counts into a year without a schedule Monday–Friday, marked provisional', () => {
    // Wednesday 30 Dec 2026: Thu 31, Fri 1 Jan (assumed a workday), Mon 4, Tue 5, Wed 6
    const p = planIssue(cal, TZ, DEFAULT_POLICY, new Date('2026-12-30T02:00:00Z'), {
      duration: workdays(5),
    });
    expect(planned(p)).toEqual({
      signDueAt: endOf('2026-12-31'),
      returnDueAt: endOf('2027-01-01'),
      dueSoonAt: endOf('2027-01-05'),
      dueAt: endOf('2027-01-06'),
      levelAt: [endOf('2027-01-06'), endOf('2027-01-08'), endOf('2027-01-13')],
      provisional: true,
    });
  });

  it('counts across the year exactly once the next year is imported', () => {
    // 1 January is a holiday now: Thu 31, Mon 4, Tue 5, Wed 6, Thu 7
    const p = planIssue(withNextYear, TZ, DEFAULT_POLICY, new Date('2026-12-30T02:00:00Z'), {
      duration: workdays(5),
    });
    expect(planned(p)).toEqual({
      signDueAt: endOf('2026-12-31'),
      returnDueAt: endOf('2027-01-04'),
      dueSoonAt: endOf('2027-01-06'),
      dueAt: endOf('2027-01-07'),
      levelAt: [endOf('2027-01-07'), endOf('2027-01-11'), endOf('2027-01-14')],
      provisional: false,
    });
  });

  it('keeps an explicit due time to the millisecond and plans around it', () => {
    const due = new Date('2026-06-24T06:30:00.000Z'); // Wednesday 24 June, 14:30 in Beijing
    const p = planIssue(cal, TZ, DEFAULT_POLICY, new Date('2026-06-17T02:00:00Z'), {
      explicit: due,
    });
    expect(planned(p)).toMatchObject({
      dueAt: '2026-06-24T06:30:00.000Z',
      dueSoonAt: endOf('2026-06-23'),
      // 挂牌督办: Thu 25, Fri 26, Sat 27 (调休上班), Mon 29, Tue 30
      levelAt: ['2026-06-24T06:30:00.000Z', endOf('2026-06-26'), endOf('2026-06-30')],
      provisional: false,
    });
  });
});

describe('planning around a due time', () => {
  const due = new Date(endOf('2026-06-11'));

  it('has no due-soon reminder when the policy asks for none', () => {
    const policy: Policy = { ...DEFAULT_POLICY, dueSoon: workdays(0) };
    expect(planAroundDue(cal, TZ, policy, due).dueSoonAt).toBeNull();
  });

  it('never reaches a level before the one below it, whatever units the policy mixes', () => {
    const policy: Policy = {
      ...DEFAULT_POLICY,
      ladder: [
        { level: 1, after: { amount: 1, unit: 'day' } },
        { level: 2, after: { amount: 2, unit: 'hour' } },
        { level: 3, after: { amount: 3, unit: 'day' } },
      ],
    };
    expect(planAroundDue(cal, TZ, policy, due).levelAt.map(iso)).toEqual([
      endOf('2026-06-12'),
      endOf('2026-06-12'), // two hours after the due time would be before 催办
      endOf('2026-06-14'), // calendar days count the weekend
    ]);
  });
});

describe("the office's own ladder", () => {
  it('is its limit, then 督办 and 挂牌督办 two and five workdays on, over a holiday', () => {
    // the office's ruling limit ends Thursday 18 June; Friday 19 is 端午节, Saturday 27 a workday
    expect(
      planOfficeLadder(cal, TZ, DEFAULT_POLICY, new Date(endOf('2026-06-18'))).map(iso),
    ).toEqual([endOf('2026-06-18'), endOf('2026-06-23'), endOf('2026-06-26')]);
  });
});
