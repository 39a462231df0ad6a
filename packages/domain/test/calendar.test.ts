import {
  addWorkdays,
  buildCalendar,
  DEFAULT_POLICY,
  endOfLocalDay,
  isWorkday,
  localDate,
  planAroundDue,
  shift,
  workdaysBetween,
  zonedInstant,
} from '@lianxi/domain';
import { describe, expect, it } from 'vitest';
import { officialExceptions } from '../../core/src/seed/official-calendar.js';

const TZ = 'Asia/Shanghai';
/** The State Council schedules for 2025 and 2026, as `npm start` seeds them. */
const official = buildCalendar(
  [2025, 2026],
  [...officialExceptions(2025), ...officialExceptions(2026)],
);

describe('the 2026 official schedule', () => {
  it('counts a deadline across the Spring Festival where the schedule puts it', () => {
    // Issued Friday 13 Feb: Sat 14 is a make-up workday (1), 15–23 Feb are the holiday,
    // then Tue 24 (2), Wed 25 (3), Thu 26 (4), Fri 27 (5).
    expect(addWorkdays(official, '2026-02-13', 5)).toEqual({
      value: '2026-02-27',
      provisional: false,
    });
    // issued on the last day before the break: 1 workday is the first day back
    expect(addWorkdays(official, '2026-02-14', 1)).toEqual({
      value: '2026-02-24',
      provisional: false,
    });
    expect(workdaysBetween(official, '2026-02-13', '2026-02-27').value).toBe(5);
  });

  it('counts a make-up weekend day as a workday and a weekday holiday as rest', () => {
    expect(isWorkday(official, '2026-02-14')).toBe(true); // Saturday, 调休上班
    expect(isWorkday(official, '2026-02-28')).toBe(true); // Saturday, 调休上班
    expect(isWorkday(official, '2026-02-16')).toBe(false); // Monday, 春节
    expect(isWorkday(official, '2026-10-01')).toBe(false); // Thursday, 国庆节
    expect(isWorkday(official, '2026-03-07')).toBe(false); // an ordinary Saturday
    expect(addWorkdays(official, '2026-02-13', 1).value).toBe('2026-02-14');
  });

  it('the same day for urgent orders means the next workday when issued on a rest day', () => {
    expect(addWorkdays(official, '2026-02-20', 0).value).toBe('2026-02-24');
    expect(addWorkdays(official, '2026-02-14', 0).value).toBe('2026-02-14');
  });

  it('counts backwards for the due-soon reminder', () => {
    expect(addWorkdays(official, '2026-02-24', -1).value).toBe('2026-02-14');
  });
});

describe('a year without an imported schedule', () => {
  it('is counted Monday–Friday and marked provisional, then exact once imported', () => {
    const before = addWorkdays(official, '2026-12-29', 5);
    // Wed 30, Thu 31, Fri 1 Jan, Mon 4, Tue 5 on Monday–Friday
    expect(before).toEqual({ value: '2027-01-05', provisional: true });
    const with2027 = buildCalendar(
      [2025, 2026, 2027],
      [
        ...official.exceptions.values(),
        { date: '2027-01-01', workday: false, name: '元旦' },
        { date: '2027-01-04', workday: false, name: '元旦' },
      ],
    );
    expect(addWorkdays(with2027, '2026-12-29', 5)).toEqual({
      value: '2027-01-07',
      provisional: false,
    });
  });
});

describe('deadlines in the conference time zone', () => {
  it('workday limits end at the last second of the local day', () => {
    const issued = zonedInstant('2026-02-13', '16:30:00', TZ);
    const due = shift(official, TZ, issued, DEFAULT_POLICY.defaultDue);
    expect(due.at.toISOString()).toBe('2026-02-27T15:59:59.999Z');
    expect(due.at).toEqual(endOfLocalDay('2026-02-27', TZ));
  });

  it('reads the local date, not the UTC one', () => {
    // 2026-02-13 23:30 in Beijing is still 13 Feb there, but 15:30 UTC
    expect(localDate(new Date('2026-02-13T15:30:00Z'), TZ)).toBe('2026-02-13');
    expect(localDate(new Date('2026-02-13T16:30:00Z'), TZ)).toBe('2026-02-14');
  });

  it('seconds, minutes and hours are exact', () => {
    const from = new Date('2026-05-01T00:00:00Z');
    expect(shift(official, TZ, from, { amount: 2, unit: 'second' }).at.getTime()).toBe(
      from.getTime() + 2000,
    );
    expect(shift(official, TZ, from, { amount: 3, unit: 'hour' }, -1).at.getTime()).toBe(
      from.getTime() - 3 * 3_600_000,
    );
  });

  it('days are calendar days, ending at the end of the local day', () => {
    const from = zonedInstant('2026-02-15', '09:00:00', TZ); // a holiday: days still count
    expect(shift(official, TZ, from, { amount: 3, unit: 'day' }).at).toEqual(
      endOfLocalDay('2026-02-18', TZ),
    );
  });
});

describe('zones with daylight saving', () => {
  // Intl's own answer, field by field, for comparison with the remembered offsets
  const intlDate = (at: Date, timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at);

  const intlWall = (at: Date, timeZone: string) =>
    new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).format(at);

  it.each([
    ['America/New_York', '2026-03-08T00:00:00Z', '2026-11-01T00:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T10:00:00Z', '2026-10-03T10:00:00Z'],
    ['Europe/London', '2026-03-29T00:00:00Z', '2026-10-25T00:00:00Z'],
  ])('%s: local dates and wall-clock instants agree with Intl across both changes', (tz, a, b) => {
    for (const from of [a, b]) {
      const start = new Date(from).getTime();
      for (let t = start - 86_400_000; t < start + 2 * 86_400_000; t += 7 * 60_000 + 13_000) {
        const at = new Date(t);
        expect(localDate(at, tz)).toBe(intlDate(at, tz));
        // the instant of this wall-clock time shows the same wall clock (in an overlap it
        // may be the other of the two instants)
        const [date, time] = intlWall(at, tz).split(' ');
        expect(intlWall(zonedInstant(date, time, tz), tz)).toBe(`${date} ${time}`);
      }
    }
    // 12:00 local is never in a gap or an overlap; its instant reads back as 12:00
    for (let day = 0; day < 366; day += 1) {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      const noon = zonedInstant(date, '12:00:00', tz);
      const wall = new Intl.DateTimeFormat('en-GB', {
        timeZone: tz,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(noon);
      expect([localDate(noon, tz), wall]).toEqual([date, '12:00']);
    }
  });
});

describe('a ladder whose steps mix units', () => {
  it('never reaches a level before the one below it', () => {
    const policy = {
      ...DEFAULT_POLICY,
      ladder: [
        { level: 1 as const, after: { amount: 3, unit: 'workday' as const } },
        { level: 2 as const, after: { amount: 0, unit: 'second' as const } },
        { level: 3 as const, after: { amount: 5, unit: 'workday' as const } },
      ],
    };
    const due = zonedInstant('2026-03-02', '18:00:00', TZ);
    const plan = planAroundDue(official, TZ, policy, due);
    expect(plan.levelAt[1].getTime()).toBeGreaterThanOrEqual(plan.levelAt[0].getTime());
    expect(plan.levelAt[2].getTime()).toBeGreaterThanOrEqual(plan.levelAt[1].getTime());
  });
});
