import type { Role } from '../roles.js';
import { TRANSITIONS, type TaskAction, type TaskStatus } from './status.js';

/** What the task page knows of a task when it decides which buttons to offer. */
export interface TaskFacts {
  status: TaskStatus;
  unitId: string;
  /** The end of the window for 退回; none means the window is not limited. */
  returnDueAt: Date | null;
}

export interface TaskViewer {
  role: Role;
  unitId: string | null;
}

const OFFICE_ROLES: readonly Role[] = ['office', 'admin'];

/**
 * Who acts as `by` in TRANSITIONS: only the task's own unit acts for the unit, and the
 * administrator stands in for the office.
 */
function actsAs(t: TaskFacts, v: TaskViewer): 'unit' | 'office' | 'supervisor' | null {
  if (v.role === 'unit') return v.unitId !== null && v.unitId === t.unitId ? 'unit' : null;
  if (OFFICE_ROLES.includes(v.role)) return 'office';
  if (v.role === 'supervisor') return 'supervisor';
  return null;
}

const ORDER = Object.keys(TRANSITIONS) as TaskAction[];

/**
 * What the viewer may do with the task now: the transitions the verbs allow from its status,
 * for the pages to offer, so the buttons and the API cannot disagree.
 */
export function taskActions(t: TaskFacts, v: TaskViewer, now: Date): TaskAction[] {
  const actor = actsAs(t, v);
  if (!actor) return [];
  return ORDER.filter((action) => {
    const rule = TRANSITIONS[action];
    if (rule.by !== actor) return false;
    // an extension request is decided on its own: the panel offers it for any pending one
    if (action === 'decide_extension') return true;
    if (!rule.from.includes(t.status)) return false;
    if (action === 'return') return !t.returnDueAt || t.returnDueAt.getTime() > now.getTime();
    return true;
  });
}
