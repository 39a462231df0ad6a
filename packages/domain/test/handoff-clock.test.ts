import {
  afterHandoffEvent,
  buildCalendar,
  DEFAULT_POLICY,
  type HandoffClock,
  handoffNextCheckAt,
  handoffPendingEvents,
  planHandoff,
  type Policy,
  REFERRAL_LIMITS,
  referralDue,
} from '@lianxi/domain';
import { describe, expect, it } from 'vitest';

const TZ = 'Asia/Shanghai';
/** 2026 only: Friday 19 June a holiday, Saturday 27 June a make-up workday (调休上班). */
const cal = buildCalendar(
  [2026],
  [
    { date: '2026-06-19', workday: false, name: '端午节' },
    { date: '2026-06-27', workday: true, name: '调休上班' },
  ],
);
/** A Beijing day's last instant, written in UTC. */
const endOf = (day: string) => `${day}T15:59:59.999Z`;
/** 10:00 in Beijing on that day. */
const tenAm = (day: string) => new Date(`${day}T02:00:00.000Z`);
const iso = (d: Date | null) => d?.toISOString() ?? null;
const planned = (p: ReturnType<typeof planHandoff>) => ({
  signDueAt: iso(p.signDueAt),
  resultDueAt: iso(p.resultDueAt),
  levelAt: p.levelAt.map(iso),
  provisional: p.provisional,
});

describe('planning a hand-off', () => {
  it('gives the police the law’s 3 calendar days to decide on a criminal referral', () => {
    // sent Thursday 18 June: the holiday and the weekend count, due Sunday 21 June;
    // signing for it within 1 workday would be Monday 22, so the decision's limit bounds it
    const p = planHandoff(cal, TZ, DEFAULT_POLICY, tenAm('2026-06-18'), {
      kind: 'criminal_referral',
    });
    expect(planned(p)).toEqual({
      signDueAt: endOf('2026-06-21'),
      resultDueAt: endOf('2026-06-21'),
      // the ladder after it counts workdays: 督办 Tue 23, 挂牌督办 Fri 26
      levelAt: [endOf('2026-06-21'), endOf('2026-06-23'), endOf('2026-06-26')],
      provisional: false,
    });
    expect(REFERRAL_LIMITS.decision).toEqual({ amount: 3, unit: 'day' });
  });

  it('asks the receiving unit to sign for any other hand-off within 1 workday', () => {
    // sent Thursday 18 June: Friday is a holiday, so Monday 22; the answer within 15
    // workdays: 22 … 26, Sat 27 (调休上班), 29, 30, then 1 … 9 July
    const p = planHandoff(cal, TZ, DEFAULT_POLICY, tenAm('2026-06-18'), { kind: 'transfer' });
    expect(planned(p)).toEqual({
      signDueAt: endOf('2026-06-22'),
      resultDueAt: endOf('2026-07-09'),
      levelAt: [endOf('2026-07-09'), endOf('2026-07-13'), endOf('2026-07-16')],
      provisional: false,
    });
  });

  it('follows the conference’s own limit for the answer', () => {
    const policy: Policy = {
      ...DEFAULT_POLICY,
      handoffResultWithin: { amount: 2, unit: 'workday' },
    };
    const p = planHandoff(cal, TZ, policy, tenAm('2026-06-26'), { kind: 'route' });
    // Friday 26 June: Sat 27 (调休上班) is the first workday, Monday 29 the second
    expect(planned(p)).toMatchObject({
      signDueAt: endOf('2026-06-27'),
      resultDueAt: endOf('2026-06-29'),
    });
  });

  it('gives a reconsideration no sign-for and the law’s 3 days to decide again', () => {
    const p = planHandoff(cal, TZ, DEFAULT_POLICY, tenAm('2026-06-23'), 'reconsideration');
    expect(planned(p)).toEqual({
      signDueAt: null,
      resultDueAt: endOf('2026-06-26'),
      // 督办: Sat 27 (调休上班), Mon 29; 挂牌督办: 27, 29, 30, 1 July, 2 July
      levelAt: [endOf('2026-06-26'), endOf('2026-06-29'), endOf('2026-07-02')],
      provisional: false,
    });
  });

  it('marks a referral provisional when its ladder runs into a year without a schedule', () => {
    const p = planHandoff(cal, TZ, DEFAULT_POLICY, tenAm('2026-12-30'), {
      kind: 'criminal_referral',
    });
    expect(planned(p)).toEqual({
      signDueAt: endOf('2026-12-31'),
      resultDueAt: endOf('2027-01-02'),
      levelAt: [endOf('2027-01-02'), endOf('2027-01-05'), endOf('2027-01-08')],
      provisional: true,
    });
  });

  it('counts the statutory windows in calendar days from when they open', () => {
    // a case opened on Friday 26 June: the items are handed over by Monday 29
    expect(referralDue(cal, TZ, tenAm('2026-06-26'), 'itemsHandover').toISOString()).toBe(
      endOf('2026-06-29'),
    );
    // a refusal answered on Thursday 18 June may be contested until Sunday 21
    expect(referralDue(cal, TZ, tenAm('2026-06-18'), 'reconsiderationWindow').toISOString()).toBe(
      endOf('2026-06-21'),
    );
    expect(referralDue(cal, TZ, tenAm('2026-06-18'), 'procuratorateWindow').toISOString()).toBe(
      endOf('2026-06-21'),
    );
  });
});

const at = (s: string) => new Date(s);
const clock = (over: Partial<HandoffClock> = {}): HandoffClock => ({
  status: 'sent',
  signDueAt: at(endOf('2026-06-22')),
  resultDueAt: at(endOf('2026-07-09')),
  levelAt: [at(endOf('2026-07-09')), at(endOf('2026-07-13')), at(endOf('2026-07-16'))],
  ladderLevel: 0,
  signReminded: false,
  itemsDueAt: null,
  itemsHandedOver: false,
  itemsReminded: false,
  ...over,
});
const listed = (c: HandoffClock) =>
  handoffPendingEvents(c).map(
    ({ at, event }) =>
      `${event.kind}${event.kind === 'level' ? event.level : ''}@${at.toISOString()}`,
  );
const LEVELS = [
  `level1@${endOf('2026-07-09')}`,
  `level2@${endOf('2026-07-13')}`,
  `level3@${endOf('2026-07-16')}`,
];

describe('the hand-off clock', () => {
  it('reminds of receipt while it waits to be received, then climbs the ladder', () => {
    expect(listed(clock())).toEqual([`unsigned@${endOf('2026-06-22')}`, ...LEVELS]);
    expect(handoffNextCheckAt(clock())?.toISOString()).toBe(endOf('2026-06-22'));
    expect(listed(clock({ signReminded: true }))).toEqual(LEVELS);
  });

  it('runs the ladder alone once received or while reconsidering, and sends no due-soon', () => {
    expect(listed(clock({ status: 'received' }))).toEqual(LEVELS);
    expect(listed(clock({ status: 'reconsidering', ladderLevel: 1 }))).toEqual(LEVELS.slice(1));
    expect(listed(clock({ status: 'received', ladderLevel: 3 }))).toEqual([]);
  });

  it('stops once answered, save the reminder to hand the seized items over', () => {
    const itemsDueAt = at(endOf('2026-06-29'));
    expect(listed(clock({ status: 'answered' }))).toEqual([]);
    expect(listed(clock({ status: 'answered', itemsDueAt }))).toEqual([
      `items_overdue@${endOf('2026-06-29')}`,
    ]);
    expect(listed(clock({ status: 'answered', itemsDueAt, itemsHandedOver: true }))).toEqual([]);
    expect(listed(clock({ status: 'answered', itemsDueAt, itemsReminded: true }))).toEqual([]);
    expect(handoffNextCheckAt(clock({ status: 'answered' }))).toBeNull();
  });

  it('has no ladder without an answer limit', () => {
    expect(listed(clock({ resultDueAt: null }))).toEqual([]);
    expect(listed(clock({ levelAt: null }))).toEqual([]);
  });

  it('lists the events earliest first', () => {
    const c = clock({ status: 'received', itemsDueAt: at(endOf('2026-07-12')) });
    expect(listed(c)).toEqual([
      LEVELS[0],
      `items_overdue@${endOf('2026-07-12')}`,
      ...LEVELS.slice(1),
    ]);
  });

  it('marks each event handled, never lowering the level', () => {
    const c = clock();
    expect(afterHandoffEvent(c, { kind: 'unsigned' })).toEqual({ ...c, signReminded: true });
    expect(afterHandoffEvent(c, { kind: 'items_overdue' })).toEqual({ ...c, itemsReminded: true });
    expect(afterHandoffEvent(c, { kind: 'level', level: 2 })).toEqual({ ...c, ladderLevel: 2 });
    expect(
      afterHandoffEvent(clock({ ladderLevel: 3 }), { kind: 'level', level: 1 }).ladderLevel,
    ).toBe(3);
  });
});
