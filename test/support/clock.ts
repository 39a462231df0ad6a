import type { Clock } from '@lianxi/core';

/**
 * Real time shifted by an offset the test controls: BullMQ's real timers still fire, and a
 * test can jump forward a day without waiting for it.
 */
export class TestClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
