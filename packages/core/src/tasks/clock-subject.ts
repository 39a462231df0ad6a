import { afterEvent, type ClockEvent, pendingEvents, raisedLevel } from '@lianxi/domain';
import { tasks } from '@lianxi/db';
import { jobId } from '@lianxi/queue';
import { type ClockSubject, defineClocks } from '../clocks/subject.js';
import { applyClockEvents } from './escalate.js';
import { type ClockTask, clockTaskColumns, toClock } from './row.js';

/** One id per task, deadline version and event time: re-adding the same timer is a no-op. */
export const taskClockJobId = (taskId: string, deadlineVersion: number, at: Date) =>
  jobId('task', taskId, deadlineVersion, at.getTime());

const taskSubject: ClockSubject<ClockTask, ClockEvent> = {
  table: tasks,
  id: tasks.id,
  nextCheckAt: tasks.nextCheckAt,
  version: tasks.deadlineVersion,
  columns: clockTaskColumns,
  state: {
    ladderLevel: tasks.ladderLevel,
    escalationLevel: tasks.escalationLevel,
    signReminded: tasks.signReminded,
    dueSoonSent: tasks.dueSoonSent,
    officeLadderLevel: tasks.officeLadderLevel,
    redFlag: tasks.redFlag,
  },
  pending: (row) => pendingEvents(toClock(row)),
  after(row, event) {
    const clock = afterEvent(toClock(row), event);
    const escalationLevel = raisedLevel(row.escalationLevel, event);
    return {
      ...row,
      ladderLevel: clock.ladderLevel,
      signReminded: clock.signReminded,
      dueSoonSent: clock.dueSoonSent,
      officeLadderLevel: clock.officeLadderLevel,
      escalationLevel,
      redFlag: row.redFlag || escalationLevel >= 3,
    };
  },
  apply: applyClockEvents,
  timer: (row, at) => ({
    conferenceId: row.conferenceId,
    queue: 'deadlines',
    job: 'task-clock',
    payload: { taskId: row.id, deadlineVersion: row.version },
    jobId: taskClockJobId(row.id, row.version, at),
    runAt: at,
  }),
};

/** Tasks' clocks: the unit's sign-for, due time and ladder, and the office's own limits. */
export const taskClocks = defineClocks(taskSubject);
