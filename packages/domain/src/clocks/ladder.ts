import type { EscalationLevel } from '../policy/schemas.js';

/** The ladder's words (DESIGN §2), the same for every item that climbs it. */
export const LEVEL_LABELS: Record<EscalationLevel, string> = {
  1: '催办',
  2: '督办',
  3: '挂牌督办',
};

/** Who hears of an item reaching a level: the office always, supervisors from 督办, leaders at 挂牌督办. */
export function rolesToNotify(level: EscalationLevel): ('office' | 'supervisor' | 'leader')[] {
  if (level === 1) return ['office'];
  if (level === 2) return ['office', 'supervisor'];
  return ['office', 'supervisor', 'leader'];
}

/**
 * The level an owing unit stands at after a clock event: a missed sign-for is 催办, a level
 * is that level; reminders and the office's own lateness leave the unit's level as it was.
 */
export function raisedLevel(current: number, event: { kind: string; level?: number }): number {
  if (event.kind === 'unsigned') return Math.max(current, 1);
  if (event.kind === 'level') return Math.max(current, event.level ?? 0);
  return current;
}
