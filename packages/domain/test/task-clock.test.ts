import {
  afterEvent,
  type ClockEvent,
  nextCheckAt,
  pendingEvents,
  type TaskClock,
} from '@lianxi/domain';
import { describe, expect, it } from 'vitest';

const at = (iso: string) => new Date(iso);

/** A task issued on Monday 7 Dec 2026, due Friday 11 Dec, nothing fired yet (UTC instants). */
const fresh = (over: Partial<TaskClock> = {}): TaskClock => ({
  status: 'issued',
  signDueAt: at('2026-12-08T15:59:59.999Z'),
  dueAt: at('2026-12-11T15:59:59.999Z'),
  dueSoonAt: at('2026-12-10T15:59:59.999Z'),
  levelAt: [
    at('2026-12-11T15:59:59.999Z'),
    at('2026-12-15T15:59:59.999Z'),
    at('2026-12-18T15:59:59.999Z'),
  ],
  officeLevelAt: null,
  ladderLevel: 0,
  officeLadderLevel: 0,
  signReminded: false,
  dueSoonSent: false,
  ...over,
});

/** The events as `kind@ISO` (a level with its number), in the order given. */
const listed = (c: TaskClock) =>
  pendingEvents(c).map(
    ({ at, event }) => `${event.kind}${'level' in event ? event.level : ''}@${at.toISOString()}`,
  );

describe('the task clock: what is still to come', () => {
  it('an issued task waits for its sign-for reminder, the due-soon reminder and three levels', () => {
    expect(listed(fresh())).toEqual([
      'unsigned@2026-12-08T15:59:59.999Z',
      'due_soon@2026-12-10T15:59:59.999Z',
      'level1@2026-12-11T15:59:59.999Z',
      'level2@2026-12-15T15:59:59.999Z',
      'level3@2026-12-18T15:59:59.999Z',
    ]);
  });

  it('reminds of the sign-for limit only while the task is waiting to be signed for', () => {
    expect(listed(fresh({ status: 'accepted' }))[0]).toBe('due_soon@2026-12-10T15:59:59.999Z');
    expect(listed(fresh({ signReminded: true }))[0]).toBe('due_soon@2026-12-10T15:59:59.999Z');
    expect(listed(fresh({ signDueAt: null }))).toHaveLength(4);
  });

  it('sends the due-soon reminder once, only before any level and only before the due time', () => {
    const without = [
      'level1@2026-12-11T15:59:59.999Z',
      'level2@2026-12-15T15:59:59.999Z',
      'level3@2026-12-18T15:59:59.999Z',
    ];
    const accepted = { status: 'accepted' } as const;
    expect(listed(fresh({ ...accepted, dueSoonSent: true }))).toEqual(without);
    expect(listed(fresh({ ...accepted, dueSoonAt: null }))).toEqual(without);
    // a due-soon time at or after the due time (an urgent same-day order) is no reminder
    expect(listed(fresh({ ...accepted, dueSoonAt: at('2026-12-11T15:59:59.999Z') }))).toEqual(
      without,
    );
    // raised by hand to 催办 before the reminder: the reminder is moot
    expect(listed(fresh({ ...accepted, ladderLevel: 1 }))).toEqual(without.slice(1));
  });

  it('climbs the ladder in order, from the level after the one reached', () => {
    const accepted = { status: 'accepted', dueSoonSent: true } as const;
    expect(listed(fresh({ ...accepted, ladderLevel: 2 }))).toEqual([
      'level3@2026-12-18T15:59:59.999Z',
    ]);
    expect(listed(fresh({ ...accepted, ladderLevel: 3 }))).toEqual([]);
  });

  it("stops while the office owes the next step, save the office's own ladder", () => {
    const officeLevelAt = [
      at('2026-12-09T15:59:59.999Z'),
      at('2026-12-11T15:59:59.999Z'),
      at('2026-12-16T15:59:59.999Z'),
    ] as const;
    for (const status of ['returned', 'reported'] as const) {
      expect(listed(fresh({ status, officeLevelAt }))).toEqual([
        'office_overdue1@2026-12-09T15:59:59.999Z',
        'office_overdue2@2026-12-11T15:59:59.999Z',
        'office_overdue3@2026-12-16T15:59:59.999Z',
      ]);
      expect(listed(fresh({ status, officeLevelAt, officeLadderLevel: 2 }))).toEqual([
        'office_overdue3@2026-12-16T15:59:59.999Z',
      ]);
      expect(listed(fresh({ status, officeLevelAt, officeLadderLevel: 3 }))).toEqual([]);
      // a limit set before the office had a ladder has its first level only
      expect(listed(fresh({ status, officeLevelAt: [officeLevelAt[0], null, null] }))).toEqual([
        'office_overdue1@2026-12-09T15:59:59.999Z',
      ]);
      expect(listed(fresh({ status, officeLevelAt: null }))).toEqual([]);
    }
    // the office's limit means nothing while the unit owes the step
    expect(listed(fresh({ officeLevelAt }))).not.toContain(
      'office_overdue1@2026-12-09T15:59:59.999Z',
    );
  });

  it('has nothing left for a task closed, withdrawn or reassigned', () => {
    const officeLevelAt = [at('2026-12-09T15:59:59.999Z'), null, null] as const;
    for (const status of ['closed', 'withdrawn', 'reassigned'] as const) {
      expect(pendingEvents(fresh({ status, officeLevelAt }))).toEqual([]);
      expect(nextCheckAt(fresh({ status, officeLevelAt }))).toBeNull();
    }
  });

  it('lists events earliest first whatever order they are found in', () => {
    // an urgent order signed for by the day's end but due at noon: sign-for comes last but one
    const c = fresh({
      signDueAt: at('2026-12-07T15:59:59.999Z'),
      dueAt: at('2026-12-07T04:00:00.000Z'),
      dueSoonAt: null,
      levelAt: [
        at('2026-12-07T04:00:00.000Z'),
        at('2026-12-09T15:59:59.999Z'),
        at('2026-12-14T15:59:59.999Z'),
      ],
    });
    expect(listed(c)).toEqual([
      'level1@2026-12-07T04:00:00.000Z',
      'unsigned@2026-12-07T15:59:59.999Z',
      'level2@2026-12-09T15:59:59.999Z',
      'level3@2026-12-14T15:59:59.999Z',
    ]);
    expect(nextCheckAt(c)?.toISOString()).toBe('2026-12-07T04:00:00.000Z');
  });

  it('is looked at again at its earliest event', () => {
    expect(nextCheckAt(fresh())?.toISOString()).toBe('2026-12-08T15:59:59.999Z');
    expect(nextCheckAt(fresh({ status: 'accepted' }))?.toISOString()).toBe(
      '2026-12-10T15:59:59.999Z',
    );
  });
});

describe('the task clock after an event', () => {
  it('marks each event handled and leaves the rest of the clock alone', () => {
    const c = fresh();
    expect(afterEvent(c, { kind: 'unsigned' })).toEqual({ ...c, signReminded: true });
    expect(afterEvent(c, { kind: 'due_soon' })).toEqual({ ...c, dueSoonSent: true });
    expect(afterEvent(c, { kind: 'office_overdue', level: 2 })).toEqual({
      ...c,
      officeLadderLevel: 2,
    });
    expect(afterEvent(c, { kind: 'level', level: 2 })).toEqual({ ...c, ladderLevel: 2 });
    expect(c.signReminded || c.dueSoonSent || c.officeLadderLevel || c.ladderLevel).toBeFalsy();
  });

  it('never lowers the level reached', () => {
    expect(afterEvent(fresh({ ladderLevel: 3 }), { kind: 'level', level: 1 }).ladderLevel).toBe(3);
  });

  it('handling every event in turn leaves nothing to come, at level 3', () => {
    let c = fresh();
    const seen: ClockEvent['kind'][] = [];
    for (let next = pendingEvents(c)[0]; next; next = pendingEvents(c)[0]) {
      seen.push(next.event.kind);
      c = afterEvent(c, next.event);
    }
    expect(seen).toEqual(['unsigned', 'due_soon', 'level', 'level', 'level']);
    expect(c).toMatchObject({ ladderLevel: 3, signReminded: true, dueSoonSent: true });
    expect(nextCheckAt(c)).toBeNull();
  });
});
