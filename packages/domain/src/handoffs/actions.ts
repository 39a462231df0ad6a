import type { HandoffKind } from '../clues/routing.js';
import type { HandoffAction, HandoffOutcome, HandoffStatus } from './schemas.js';
import { isRefusal } from './schemas.js';

export interface HandoffFacts {
  kind: HandoffKind;
  status: HandoffStatus;
  outcome: HandoffOutcome | null;
  fromUnitId: string | null;
  toUnitId: string;
  appealDueAt: Date | null;
  /** A reconsideration was asked for already (once only). */
  reconsidered: boolean;
  /** A 立案监督 request already contests this refusal. */
  contested: boolean;
  itemsDueAt: Date | null;
  itemsHandedOver: boolean;
}

export interface HandoffViewer {
  role: string;
  unitId: string | null;
}

/** The sender: the unit that sent it, or the office for what the office sent. */
export const isSender = (h: Pick<HandoffFacts, 'fromUnitId'>, v: HandoffViewer) =>
  h.fromUnitId
    ? v.role === 'unit' && v.unitId === h.fromUnitId
    : v.role === 'office' || v.role === 'admin';

/** What the receiving unit still owes: to receive it, or to answer it. */
const OWED: readonly HandoffStatus[] = ['sent', 'received', 'reconsidering'];

/** What the viewer may do now: the rules the verbs enforce, for the pages to offer. */
export function handoffActions(h: HandoffFacts, v: HandoffViewer, now: Date): HandoffAction[] {
  const actions: HandoffAction[] = [];
  const receiver = v.role === 'unit' && v.unitId === h.toUnitId;
  if (receiver && h.status === 'sent') actions.push('receive');
  if (receiver && (h.status === 'received' || h.status === 'reconsidering')) actions.push('answer');
  if (isSender(h, v) && h.kind === 'criminal_referral' && h.status === 'answered') {
    const open = h.appealDueAt !== null && now.getTime() <= h.appealDueAt.getTime();
    if (open && isRefusal(h.outcome) && !h.contested) {
      if (!h.reconsidered) actions.push('reconsider');
      actions.push('procuratorate');
    }
    if (h.itemsDueAt && !h.itemsHandedOver) actions.push('hand_over_items');
  }
  // a supervisor chases what the receiving unit still owes, before or after its clock does
  if (v.role === 'supervisor' && OWED.includes(h.status)) actions.push('urge', 'supervise');
  return actions;
}
