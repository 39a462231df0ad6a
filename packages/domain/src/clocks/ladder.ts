import type { HandoffClockEvent } from '../handoffs/clock.js';
import type { EscalationLevel } from '../policy/schemas.js';
import type { Role } from '../roles.js';
import type { ClockEvent } from '../tasks/clock.js';

/**
 * The escalation ladder (DESIGN §2) tasks and hand-offs climb alike: one place for its
 * names, colours and audiences, so a notice, the board and the export never disagree.
 */
export const LEVEL_LABELS: Readonly<Record<EscalationLevel, string>> = {
  1: '催办',
  2: '督办',
  3: '挂牌督办',
};

export type Colour = 'blue' | 'yellow' | 'orange' | 'red';

/** The board's colour: red 挂牌督办, orange 督办, yellow 催办 or unsigned, blue due soon. */
export function colourOf(escalationLevel: number, dueSoon: boolean): Colour | null {
  if (escalationLevel >= 3) return 'red';
  if (escalationLevel === 2) return 'orange';
  if (escalationLevel === 1) return 'yellow';
  return dueSoon ? 'blue' : null;
}

/** A level's colour alone, where nothing is due soon to be told apart (timelines, tables). */
export const levelColour = (escalationLevel: number): Colour | null =>
  colourOf(escalationLevel, false);

const AUDIENCES: Readonly<Record<EscalationLevel, readonly Role[]>> = {
  1: ['office'],
  2: ['office', 'supervisor'],
  3: ['office', 'supervisor', 'leader'],
};

/** Who hears of a level besides the unit that owes the item: each level reaches higher. */
export const rolesToNotify = (level: EscalationLevel): readonly Role[] => AUDIENCES[level];

/**
 * The item's escalation level after a clock event: a missed sign-for counts as 催办, a
 * ladder step as its level, and nothing lowers it (a supervisor's hand may have set it
 * higher already). The office's own lateness and due-soon notices leave it alone.
 */
export function raisedLevel(current: number, event: ClockEvent | HandoffClockEvent): number {
  if (event.kind === 'unsigned') return Math.max(current, 1);
  if (event.kind === 'level') return Math.max(current, event.level);
  return current;
}
