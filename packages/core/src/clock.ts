export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Real time moved by a fixed offset: a rehearsal or test environment that runs the
 * deadline engine as on another date (never in production, where the configuration refuses it).
 */
export const shiftedClock = (offsetMs: number): Clock =>
  offsetMs === 0 ? systemClock : { now: () => new Date(Date.now() + offsetMs) };
