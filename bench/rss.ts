import { readFileSync } from 'node:fs';
import { ratioOf, type Result } from './options.js';

const GOAL_MB = 200;

/** A process's peak resident set (VmHWM in /proc/<pid>/status), in MB (2^20 bytes). */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error(`no VmHWM for ${pid}`);
  return Number(match[1]) / 1024;
}

/**
 * Peak RSS of a service process, read just before it is stopped, beside the peak of the
 * floor process that stood in for it (a bare process doing the same kind of work).
 */
export function rssResult(
  name: string,
  pid: number,
  floorMb: number | null,
  floorWhat: string,
  load: string,
): Result {
  const mb = peakRssMb(pid);
  return {
    name,
    value: mb,
    baseline: floorMb,
    ratio: ratioOf(mb, floorMb),
    unit: 'MB',
    goal: `≤ ${GOAL_MB} MB`,
    met: mb <= GOAL_MB,
    note:
      `VmHWM of the process (node dist/<service>.mjs, the bundle npm scripts build and run) ` +
      `after ${load}; ` +
      `floor: ${floorWhat} (ratio = service / floor)`,
  };
}
