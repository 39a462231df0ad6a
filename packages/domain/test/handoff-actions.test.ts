import { type HandoffFacts, handoffActions, type HandoffViewer, isSender } from '@lianxi/domain';
import { describe, expect, it } from 'vitest';

/** A criminal referral from the market regulator (sj) to the police (ga), refused. */
const refused = (over: Partial<HandoffFacts> = {}): HandoffFacts => ({
  kind: 'criminal_referral',
  status: 'answered',
  outcome: 'refused',
  fromUnitId: 'sj',
  toUnitId: 'ga',
  appealDueAt: new Date('2026-06-21T15:59:59.999Z'),
  reconsidered: false,
  contested: false,
  itemsDueAt: null,
  itemsHandedOver: false,
  ...over,
});
const sender: HandoffViewer = { role: 'unit', unitId: 'sj' };
const receiver: HandoffViewer = { role: 'unit', unitId: 'ga' };
const office: HandoffViewer = { role: 'office', unitId: null };
const supervisor: HandoffViewer = { role: 'supervisor', unitId: null };
const before = new Date('2026-06-20T02:00:00.000Z');

describe('what a viewer may do with a hand-off', () => {
  it('the receiving unit receives it, then answers it, also after a reconsideration', () => {
    expect(handoffActions(refused({ status: 'sent' }), receiver, before)).toEqual(['receive']);
    expect(handoffActions(refused({ status: 'received' }), receiver, before)).toEqual(['answer']);
    expect(handoffActions(refused({ status: 'reconsidering' }), receiver, before)).toEqual([
      'answer',
    ]);
    expect(handoffActions(refused(), receiver, before)).toEqual([]);
  });

  it('the sender contests a refusal until the window closes, reconsideration once only', () => {
    expect(handoffActions(refused(), sender, before)).toEqual(['reconsider', 'procuratorate']);
    expect(handoffActions(refused({ outcome: 'not_crime' }), sender, before)).toEqual([
      'reconsider',
      'procuratorate',
    ]);
    expect(handoffActions(refused({ reconsidered: true }), sender, before)).toEqual([
      'procuratorate',
    ]);
    expect(handoffActions(refused({ contested: true }), sender, before)).toEqual([]);
    // the window's last instant still counts; a millisecond later it is closed
    expect(handoffActions(refused(), sender, new Date('2026-06-21T15:59:59.999Z'))).toEqual([
      'reconsider',
      'procuratorate',
    ]);
    expect(handoffActions(refused(), sender, new Date('2026-06-21T16:00:00.000Z'))).toEqual([]);
  });

  it('the sender hands the seized items over once a case is opened, until done', () => {
    const opened = refused({ outcome: 'case_opened', itemsDueAt: before });
    expect(handoffActions(opened, sender, before)).toEqual(['hand_over_items']);
    expect(handoffActions({ ...opened, itemsHandedOver: true }, sender, before)).toEqual([]);
  });

  it('only a criminal referral may be contested', () => {
    expect(handoffActions(refused({ kind: 'transfer' }), sender, before)).toEqual([]);
  });

  it('the office stands as sender of what the office sent', () => {
    const fromOffice = refused({ fromUnitId: null });
    expect(isSender(fromOffice, office)).toBe(true);
    expect(isSender(fromOffice, { role: 'admin', unitId: null })).toBe(true);
    expect(isSender(fromOffice, sender)).toBe(false);
    expect(isSender(refused(), office)).toBe(false);
    expect(handoffActions(fromOffice, office, before)).toEqual(['reconsider', 'procuratorate']);
  });

  it('a supervisor chases what the receiving unit still owes, and nothing answered', () => {
    for (const status of ['sent', 'received', 'reconsidering'] as const) {
      expect(handoffActions(refused({ status }), supervisor, before)).toEqual([
        'urge',
        'supervise',
      ]);
    }
    expect(handoffActions(refused(), supervisor, before)).toEqual([]);
  });
});
