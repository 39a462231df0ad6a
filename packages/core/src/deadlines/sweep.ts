import { processDue } from '../clocks/runner.js';
import type { BaseCtx } from '../context.js';
import { CLOCK_SUBJECTS } from './subjects.js';

/**
 * The sweep over every due clock, tasks and hand-offs alike; answers how many items had
 * something due. Costs what is due, not what is open.
 */
export async function processDueClocks(
  base: BaseCtx,
  batch?: number,
  maxPasses?: number,
  lanes?: number,
): Promise<number> {
  let handled = 0;
  for (const clocks of CLOCK_SUBJECTS) {
    handled += await processDue(clocks, base, batch, maxPasses, lanes);
  }
  return handled;
}
