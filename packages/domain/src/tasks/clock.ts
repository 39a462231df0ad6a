import type { EscalationLevel } from '../policy/schemas.js';
import { CLOCK_RUNS, type TaskStatus } from './status.js';

/** What the deadline engine knows of a task: its state, its deadlines, and what has fired. */
export interface TaskClock {
  status: TaskStatus;
  signDueAt: Date | null;
  dueAt: Date;
  dueSoonAt: Date | null;
  /** When levels 1, 2, 3 are reached. */
  levelAt: readonly [Date, Date, Date];
  /**
   * While the office owes a ruling (returned) or a review (reported): when its own levels 1,
   * 2, 3 are reached, its limit being level 1 (a level it has no instant for never comes).
   */
  officeLevelAt: readonly [Date, Date | null, Date | null] | null;
  ladderLevel: 0 | EscalationLevel;
  /** The highest level the office's own lateness has reached in this wait. */
  officeLadderLevel: 0 | EscalationLevel;
  signReminded: boolean;
  dueSoonSent: boolean;
}

export type ClockEvent =
  | { kind: 'unsigned' }
  | { kind: 'due_soon' }
  | { kind: 'level'; level: EscalationLevel }
  | { kind: 'office_overdue'; level: EscalationLevel };

/** Every event still to come for this task, earliest first. */
export function pendingEvents(c: TaskClock): { at: Date; event: ClockEvent }[] {
  const events: { at: Date; event: ClockEvent }[] = [];
  if (CLOCK_RUNS.includes(c.status)) {
    if (c.status === 'issued' && c.signDueAt && !c.signReminded) {
      events.push({ at: c.signDueAt, event: { kind: 'unsigned' } });
    }
    if (c.dueSoonAt && !c.dueSoonSent && c.ladderLevel === 0 && c.dueSoonAt < c.dueAt) {
      events.push({ at: c.dueSoonAt, event: { kind: 'due_soon' } });
    }
    for (let level = c.ladderLevel + 1; level <= 3; level++) {
      events.push({
        at: c.levelAt[level - 1],
        event: { kind: 'level', level: level as EscalationLevel },
      });
    }
  } else if ((c.status === 'returned' || c.status === 'reported') && c.officeLevelAt) {
    // the office climbs the same ladder as the units it coordinates
    for (let level = c.officeLadderLevel + 1; level <= 3; level++) {
      const at = c.officeLevelAt[level - 1];
      if (at)
        events.push({ at, event: { kind: 'office_overdue', level: level as EscalationLevel } });
    }
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** When the engine must look at this task again; null when nothing is left to happen. */
export function nextCheckAt(c: TaskClock): Date | null {
  return pendingEvents(c)[0]?.at ?? null;
}

/** The clock after an event has been handled. */
export function afterEvent(c: TaskClock, event: ClockEvent): TaskClock {
  switch (event.kind) {
    case 'unsigned':
      return { ...c, signReminded: true };
    case 'due_soon':
      return { ...c, dueSoonSent: true };
    case 'level':
      return { ...c, ladderLevel: Math.max(c.ladderLevel, event.level) as EscalationLevel };
    case 'office_overdue':
      return {
        ...c,
        officeLadderLevel: Math.max(c.officeLadderLevel, event.level) as EscalationLevel,
      };
  }
}

/**
 * How far ahead a timer is asked for. A later check gets its timer from the reconciler,
 * which re-arms every check due within two of its periods, so it is armed at least one
 * period ahead; this must therefore be at least the reconcile period (30 s by default).
 * Redis then holds the coming hour's timers, not one per open task, and a burst of
 * escalations does not write a timer for a level days away.
 */
export const TIMER_WINDOW_MS = 3_600_000;
