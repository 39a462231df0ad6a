import { type TaskFacts, type TaskStatus, type TaskViewer, taskActions } from '@lianxi/domain';
import { describe, expect, it } from 'vitest';

const now = new Date('2026-12-08T02:00:00Z');
const later = new Date('2026-12-09T02:00:00Z');
const earlier = new Date('2026-12-07T02:00:00Z');

const task = (status: TaskStatus, returnDueAt: Date | null = later): TaskFacts => ({
  status,
  unitId: 'u1',
  returnDueAt,
});
const owner: TaskViewer = { role: 'unit', unitId: 'u1' };
const otherUnit: TaskViewer = { role: 'unit', unitId: 'u2' };
const office: TaskViewer = { role: 'office', unitId: 'u0' };
const admin: TaskViewer = { role: 'admin', unitId: null };
const supervisor: TaskViewer = { role: 'supervisor', unitId: null };
const leader: TaskViewer = { role: 'leader', unitId: null };

describe('which task actions the viewer is offered', () => {
  it('the owning unit signs for an issued task or returns it while the window is open', () => {
    expect(taskActions(task('issued'), owner, now)).toEqual(['accept', 'return']);
    expect(taskActions(task('issued', earlier), owner, now)).toEqual(['accept']);
    expect(taskActions(task('issued', null), owner, now)).toEqual(['accept', 'return']);
  });

  it('the owning unit reports, asks for more time and may still return an accepted task', () => {
    expect(taskActions(task('accepted'), owner, now).sort()).toEqual(
      ['progress', 'report', 'request_extension', 'return'].sort(),
    );
    expect(taskActions(task('accepted', now), owner, now)).not.toContain('return');
  });

  it('the unit has nothing to do while the office owes the next step, or once it is over', () => {
    for (const s of ['returned', 'reported', 'closed', 'reassigned', 'withdrawn'] as const)
      expect(taskActions(task(s), owner, now)).toEqual([]);
  });

  it('another unit and a leader are offered nothing', () => {
    for (const s of ['issued', 'accepted', 'returned', 'reported'] as const) {
      expect(taskActions(task(s), otherUnit, now)).toEqual([]);
      expect(taskActions(task(s), leader, now)).toEqual([]);
    }
  });

  it('the office reviews a report, rules on a return and withdraws an open task', () => {
    expect(taskActions(task('reported'), office, now).sort()).toEqual(
      ['approve', 'reject', 'withdraw', 'decide_extension'].sort(),
    );
    expect(taskActions(task('returned'), office, now).sort()).toEqual(
      ['overrule', 'reassign', 'withdraw', 'decide_extension'].sort(),
    );
    expect(taskActions(task('issued'), office, now).sort()).toEqual(
      ['withdraw', 'decide_extension'].sort(),
    );
    expect(taskActions(task('closed'), office, now)).toEqual(['decide_extension']);
  });

  it('the administrator acts as the office', () => {
    for (const s of ['issued', 'accepted', 'returned', 'reported', 'closed'] as const)
      expect(taskActions(task(s), admin, now)).toEqual(taskActions(task(s), office, now));
  });

  it('a supervisor urges and supervises only while the unit owes the next step', () => {
    expect(taskActions(task('issued'), supervisor, now)).toEqual(['urge', 'supervise']);
    expect(taskActions(task('accepted'), supervisor, now)).toEqual(['urge', 'supervise']);
    for (const s of ['returned', 'reported', 'closed'] as const)
      expect(taskActions(task(s), supervisor, now)).toEqual([]);
  });
});
