import type { WorkdayCalendar } from '../calendar/workday-calendar.js';
import type { Duration, EscalationLevel, Policy } from '../policy/schemas.js';
import { shift } from '../policy/shift.js';
import { type ClockEvent, pendingEvents, type TaskClock } from '../tasks/clock.js';
import { planAroundDue } from '../tasks/plan.js';
import type { HandoffKind } from '../clues/routing.js';
import type { HandoffStatus } from './schemas.js';

const days = (amount: number): Duration => ({ amount, unit: 'day' });

/**
 * 行政执法机关移送涉嫌犯罪案件的规定 (国务院令第310号), in calendar days: the law's, not a
 * conference's, so they are not part of the editable policy.
 */
export const REFERRAL_LIMITS = {
  /** The police decide whether to open a case, and give reasons if they refuse. */
  decision: days(3),
  /** The referring unit may ask the police to reconsider a refusal… */
  reconsiderationWindow: days(3),
  /** …who decide again within the same limit. */
  reconsiderationDecision: days(3),
  /** The referring unit may ask the procuratorate for 立案监督 after a refusal. */
  procuratorateWindow: days(3),
  /** After a case is opened, the referring unit hands the seized items over. */
  itemsHandover: days(3),
} as const satisfies Record<string, Duration>;

/** What the deadline engine knows of a hand-off. */
export interface HandoffClock {
  status: HandoffStatus;
  signDueAt: Date | null;
  resultDueAt: Date | null;
  levelAt: readonly [Date, Date, Date] | null;
  ladderLevel: 0 | EscalationLevel;
  signReminded: boolean;
  itemsDueAt: Date | null;
  itemsHandedOver: boolean;
  itemsReminded: boolean;
}

export type HandoffClockEvent =
  | Extract<ClockEvent, { kind: 'unsigned' | 'level' }>
  | {
      kind: 'items_overdue';
    };

/** The receiving unit's clocks run the way a task's do: the same ladder, the same engine. */
function asTaskClock(c: HandoffClock): TaskClock | null {
  if (!c.resultDueAt || !c.levelAt || c.status === 'answered') return null;
  return {
    status: c.status === 'sent' ? 'issued' : 'accepted',
    signDueAt: c.signDueAt,
    dueAt: c.resultDueAt,
    dueSoonAt: null,
    levelAt: c.levelAt,
    officeLevelAt: null,
    ladderLevel: c.ladderLevel,
    officeLadderLevel: 0,
    signReminded: c.signReminded,
    dueSoonSent: true,
  };
}

/** Every event still to come for this hand-off, earliest first. */
export function handoffPendingEvents(c: HandoffClock): { at: Date; event: HandoffClockEvent }[] {
  const task = asTaskClock(c);
  const events = (task ? pendingEvents(task) : []) as { at: Date; event: HandoffClockEvent }[];
  if (c.itemsDueAt && !c.itemsHandedOver && !c.itemsReminded) {
    events.push({ at: c.itemsDueAt, event: { kind: 'items_overdue' } });
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export function handoffNextCheckAt(c: HandoffClock): Date | null {
  return handoffPendingEvents(c)[0]?.at ?? null;
}

export function afterHandoffEvent(c: HandoffClock, event: HandoffClockEvent): HandoffClock {
  switch (event.kind) {
    case 'unsigned':
      return { ...c, signReminded: true };
    case 'level':
      return { ...c, ladderLevel: Math.max(c.ladderLevel, event.level) as EscalationLevel };
    case 'items_overdue':
      return { ...c, itemsReminded: true };
  }
}

export interface HandoffPlan {
  signDueAt: Date | null;
  resultDueAt: Date;
  levelAt: [Date, Date, Date];
  provisional: boolean;
}

/**
 * The receiving unit's limits from `from`: sign for it within the policy's limit, then
 * answer within the result limit, or, for a referral, decide within the statutory days.
 * A reconsideration has no sign-for: the police already hold the file.
 */
export function planHandoff(
  cal: WorkdayCalendar,
  timeZone: string,
  policy: Policy,
  from: Date,
  phase: { kind: HandoffKind } | 'reconsideration',
): HandoffPlan {
  const limit =
    phase === 'reconsideration'
      ? REFERRAL_LIMITS.reconsiderationDecision
      : phase.kind === 'criminal_referral'
        ? REFERRAL_LIMITS.decision
        : policy.handoffResultWithin;
  const result = shift(cal, timeZone, from, limit);
  const sign = phase === 'reconsideration' ? null : shift(cal, timeZone, from, policy.signWithin);
  const around = planAroundDue(cal, timeZone, policy, result.at);
  return {
    signDueAt: sign ? new Date(Math.min(sign.at.getTime(), result.at.getTime())) : null,
    resultDueAt: result.at,
    levelAt: around.levelAt,
    provisional: result.provisional || (sign?.provisional ?? false) || around.provisional,
  };
}

/** A statutory limit counted from an instant, in the conference's zone. */
export const referralDue = (
  cal: WorkdayCalendar,
  timeZone: string,
  from: Date,
  limit: keyof typeof REFERRAL_LIMITS,
): Date => shift(cal, timeZone, from, REFERRAL_LIMITS[limit]).at;
