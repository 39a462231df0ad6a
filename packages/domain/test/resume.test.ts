import {
  buildCalendar,
  endOfLocalDay,
  endsADay,
  localDate,
  moveDeadline,
  resumeShift,
  workdaysBetween,
  zonedInstant,
} from '@lianxi/domain';
import { describe, expect, it } from 'vitest';
import { officialExceptions } from '../../core/src/seed/official-calendar.js';

const TZ = 'Asia/Shanghai';
const official = buildCalendar(
  [2025, 2026],
  [...officialExceptions(2025), ...officialExceptions(2026)],
);
/** A Beijing wall-clock instant. */
const bj = (date: string, time: string) => zonedInstant(date, time, TZ);
const endOf = (date: string) => endOfLocalDay(date, TZ);
const wait = (from: Date, to: Date) => resumeShift(official, TZ, { from, to });
const moved = (deadline: Date, from: Date, to: Date) =>
  moveDeadline(official, TZ, deadline, wait(from, to));

describe('the resume rule: deadlines move on by the workdays that ended during the wait', () => {
  it('a one-minute wait leaves a day-ending deadline at 23:59:59 of the same day', () => {
    // Tuesday 1 Dec 2026, returned at 10:00 and overruled at 10:01; due Friday 4 Dec
    const due = endOf('2026-12-04');
    const after = moved(due, bj('2026-12-01', '10:00:00'), bj('2026-12-01', '10:01:00'));
    expect(after).toEqual({ at: due, provisional: false });
    expect(after.at.toISOString()).toBe('2026-12-04T15:59:59.999Z'); // 23:59:59.999 in Beijing
    // "剩余" reads the same: 3 workdays after Tuesday, before the wait and after it
    const today = localDate(bj('2026-12-01', '10:01:00'), TZ);
    expect(workdaysBetween(official, today, localDate(after.at, TZ)).value).toBe(3);
  });

  it('a wait from Monday to Wednesday moves by two workdays (Monday and Tuesday ended)', () => {
    const shift = wait(bj('2026-11-30', '09:30:00'), bj('2026-12-02', '16:00:00'));
    expect(shift.workdays).toBe(2);
    expect(
      moved(endOf('2026-12-04'), bj('2026-11-30', '09:30:00'), bj('2026-12-02', '16:00:00')),
    ).toEqual({ at: endOf('2026-12-08'), provisional: false }); // Fri → next Tue
  });

  it('counts a day by its end: a wait across midnight is one workday, however short', () => {
    const shift = wait(bj('2026-11-30', '23:59:30'), bj('2026-12-01', '00:00:30'));
    expect(shift).toEqual({ workdays: 1, ms: 60_000, provisional: false });
  });

  it('a weekend adds nothing: returned Friday, overruled Monday moves by one (Friday)', () => {
    const from = bj('2026-12-04', '16:00:00');
    const to = bj('2026-12-07', '09:00:00');
    expect(wait(from, to).workdays).toBe(1);
    expect(moved(endOf('2026-12-09'), from, to).at).toEqual(endOf('2026-12-10'));
    // returned on Saturday, overruled on Monday morning: no workday ended, nothing moves
    const weekend = wait(bj('2026-03-07', '10:00:00'), bj('2026-03-09', '09:00:00'));
    expect(weekend.workdays).toBe(0);
    expect(moveDeadline(official, TZ, endOf('2026-03-11'), weekend).at).toEqual(
      endOf('2026-03-11'),
    );
  });

  it('across the Spring Festival counts the make-up Saturday and skips the holiday', () => {
    // returned Fri 13 Feb, overruled Tue 24 Feb: Fri 13 and Sat 14 (调休上班) ended; 15–23 rest
    const from = bj('2026-02-13', '10:00:00');
    const to = bj('2026-02-24', '10:00:00');
    expect(wait(from, to).workdays).toBe(2);
    // due Thu 26 Feb → Fri 27, Sat 28 (调休上班): ends at 23:59:59 of Sat 28 Feb
    expect(moved(endOf('2026-02-26'), from, to)).toEqual({
      at: endOf('2026-02-28'),
      provisional: false,
    });
  });

  it('a day-ending deadline on a rest day lands on a workday', () => {
    const shift = wait(bj('2026-03-09', '10:00:00'), bj('2026-03-10', '10:00:00'));
    expect(shift.workdays).toBe(1);
    // a level counted in calendar days fell on Sunday 15 March: one workday on is Monday 16
    expect(moveDeadline(official, TZ, endOf('2026-03-15'), shift).at).toEqual(endOf('2026-03-16'));
  });

  it('a deadline set to the minute moves by the exact wait', () => {
    const deadline = bj('2026-12-01', '15:00:00');
    expect(endsADay(deadline, TZ)).toBe(false);
    expect(endsADay(endOf('2026-12-01'), TZ)).toBe(true);
    const from = bj('2026-12-01', '10:00:00');
    const to = bj('2026-12-01', '10:01:00');
    expect(moved(deadline, from, to).at).toEqual(bj('2026-12-01', '15:01:00'));
  });

  it('moving into a year without an imported schedule is provisional', () => {
    const from = bj('2026-12-29', '10:00:00');
    const to = bj('2026-12-30', '10:00:00');
    const after = moved(endOf('2026-12-31'), from, to);
    // 2027 is not held: counted Monday–Friday, so Friday 1 January, marked provisional
    expect(after).toEqual({ at: endOf('2027-01-01'), provisional: true });
    // and a wait itself spent in an unheld year is counted provisionally too
    expect(wait(bj('2027-01-04', '10:00:00'), bj('2027-01-05', '10:00:00'))).toMatchObject({
      workdays: 1,
      provisional: true,
    });
  });

  it('no wait, no move', () => {
    const at = bj('2026-12-01', '10:00:00');
    expect(wait(at, at)).toEqual({ workdays: 0, ms: 0, provisional: false });
  });
});
