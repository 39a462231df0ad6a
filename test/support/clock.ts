import type { Clock } from '@lianxi/core';

/**
 * The instant a test world starts at: `TEST_NOW` when set (so `npm run test:dates` can run the
 * calendar's awkward days), else the moment the world is made.
 */
export function testStart(): Date {
  const pinned = process.env.TEST_NOW;
  if (!pinned) return new Date();
  const at = new Date(pinned);
  if (Number.isNaN(at.getTime())) throw new Error(`TEST_NOW is not an instant: ${pinned}`);
  return at;
}

/**
 * Real time shifted by an offset the test controls: BullMQ's real timers still fire, and a
 * test can start on the day it chooses and jump to a deadline without waiting for it.
 */
export class TestClock implements Clock {
  private offset: number;

  constructor(start: Date = testStart()) {
    this.offset = start.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  /** How far this clock runs off real time, for a service process that must share it. */
  get offsetMs(): number {
    return this.offset;
  }

  advance(ms: number): void {
    this.offset += ms;
  }

  /** Sets the time to `at`, forward or back. */
  set(at: Date | string): void {
    this.offset += new Date(at).getTime() - this.now().getTime();
  }

  /** Moves to just after `at` (by `by` ms), so whatever falls due at `at` is due. */
  passTo(at: Date | string, by = 1000): void {
    this.set(new Date(new Date(at).getTime() + by));
  }
}

/** The year in Beijing at `at`: serial numbers and letters are counted by it. */
export const beijingYear = (at: Date): number =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at));
