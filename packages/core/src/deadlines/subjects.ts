import type { ClockRow, Clocks } from '../clocks/subject.js';
import { handoffClocks } from '../handoffs/clock.js';
import { taskClocks } from '../tasks/clock-subject.js';

/** Every kind of item with clocks: the sweep and the reconciler go over each in turn. */
export const CLOCK_SUBJECTS = [taskClocks, handoffClocks] as unknown as readonly Clocks<ClockRow>[];
