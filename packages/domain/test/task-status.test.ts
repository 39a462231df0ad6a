import {
  AppError,
  CLOCK_RUNS,
  isOpen,
  nextStatus,
  OPEN_STATUSES,
  type TaskAction,
  TaskStatus,
  TRANSITIONS,
} from '@lianxi/domain';
import { describe, expect, it } from 'vitest';

const ALL = TaskStatus.options;

/**
 * Written out by hand, status by status, so a change to the table shows here: what each
 * action leads to from where it is allowed ('same' stays, 'previous' is the status before
 * the return, given as 'accepted' below). Every status not listed refuses the action.
 */
const EXPECTED: Record<TaskAction, { by: string; from: Partial<Record<TaskStatus, TaskStatus>> }> =
  {
    accept: { by: 'unit', from: { issued: 'accepted' } },
    return: { by: 'unit', from: { issued: 'returned', accepted: 'returned' } },
    overrule: { by: 'office', from: { returned: 'accepted' } },
    reassign: { by: 'office', from: { returned: 'reassigned' } },
    progress: { by: 'unit', from: { accepted: 'accepted' } },
    report: { by: 'unit', from: { accepted: 'reported' } },
    approve: { by: 'office', from: { reported: 'closed' } },
    reject: { by: 'office', from: { reported: 'accepted' } },
    request_extension: { by: 'unit', from: { accepted: 'accepted' } },
    decide_extension: { by: 'office', from: { accepted: 'accepted' } },
    withdraw: {
      by: 'office',
      from: {
        issued: 'withdrawn',
        accepted: 'withdrawn',
        returned: 'withdrawn',
        reported: 'withdrawn',
      },
    },
    urge: { by: 'supervisor', from: { issued: 'issued', accepted: 'accepted' } },
    supervise: { by: 'supervisor', from: { issued: 'issued', accepted: 'accepted' } },
  };

const refusal = (status: TaskStatus, action: TaskAction) => {
  try {
    nextStatus(status, action, 'accepted');
  } catch (e) {
    return e;
  }
  return null;
};

describe('the task state machine', () => {
  it('allows each action from exactly the statuses the table names, leading where it says', () => {
    for (const [action, { from }] of Object.entries(EXPECTED) as [
      TaskAction,
      (typeof EXPECTED)[TaskAction],
    ][]) {
      for (const status of ALL) {
        const to = from[status];
        if (to) expect(nextStatus(status, action, 'accepted'), `${action} from ${status}`).toBe(to);
        else expect(refusal(status, action), `${action} from ${status}`).toBeInstanceOf(AppError);
      }
    }
  });

  it('says who takes each action', () => {
    for (const [action, { by }] of Object.entries(EXPECTED)) {
      expect(TRANSITIONS[action as TaskAction].by, action).toBe(by);
    }
    expect(Object.keys(TRANSITIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('lets nothing move a task closed, withdrawn or reassigned', () => {
    for (const status of ['closed', 'withdrawn', 'reassigned'] as const) {
      expect(isOpen(status)).toBe(false);
      for (const action of Object.keys(TRANSITIONS) as TaskAction[]) {
        expect(refusal(status, action), `${action} from ${status}`).toBeInstanceOf(AppError);
      }
    }
  });

  it('refuses in the clerk’s words, with a code the API maps to 409', () => {
    const e = refusal('closed', 'accept') as AppError;
    expect(e.code).toBe('illegal_transition');
    expect(e.message).toBe('任务当前状态为“已办结”，不能签收');
    expect((refusal('withdrawn', 'urge') as AppError).message).toBe(
      '任务当前状态为“已撤回”，不能催办',
    );
  });

  it('an overruled return goes back to where the task was, or to waiting to be signed for', () => {
    expect(nextStatus('returned', 'overrule', 'issued')).toBe('issued');
    expect(nextStatus('returned', 'overrule', 'accepted')).toBe('accepted');
    expect(nextStatus('returned', 'overrule')).toBe('issued');
  });

  it('runs the clocks only while the unit owes the next step', () => {
    expect([...CLOCK_RUNS]).toEqual(['issued', 'accepted']);
    expect([...OPEN_STATUSES]).toEqual(['issued', 'accepted', 'returned', 'reported']);
    expect(ALL.filter(isOpen)).toEqual(['issued', 'accepted', 'returned', 'reported']);
  });
});
