import { z } from 'zod';
import { Id, Text, Version } from '../common/schemas.js';
import { ClueCategory, CreateClueInput } from './schemas.js';

/** 线索移送 kinds: routing by rule, a transfer, 行政→刑事 移送, or a request for 立案监督. */
export const HandoffKind = z.enum([
  'route',
  'transfer',
  'criminal_referral',
  'supervision_request',
]);
export type HandoffKind = z.infer<typeof HandoffKind>;
export const HANDOFF_KIND_LABELS: Record<HandoffKind, string> = {
  route: '分流',
  transfer: '移交',
  criminal_referral: '行政→刑事移送',
  supervision_request: '立案监督申请',
};

/** Every condition given must hold; a rule with none matches every clue (a fallback). */
export const RoutingConditions = z.object({
  categories: z.array(ClueCategory).min(1).max(3).optional(),
  townships: z.array(Text(1, 100)).min(1).max(100).optional(),
  // a threshold is bounded as the clue's own figure is: beyond it no clue could match
  minParticipants: CreateClueInput.shape.participants,
  minLevels: CreateClueInput.shape.levels,
  minAmountYuan: CreateClueInput.shape.amountYuan,
  /** Any of these in the subject's name or the description. */
  keywords: z.array(Text(1, 50)).min(1).max(50).optional(),
});
export type RoutingConditions = z.infer<typeof RoutingConditions>;

export const RoutingRule = z.object({
  id: Id,
  position: z.number().int(),
  name: z.string(),
  enabled: z.boolean(),
  conditions: RoutingConditions,
  targetUnitId: Id,
  kind: HandoffKind,
  version: z.number().int(),
});
export type RoutingRule = z.infer<typeof RoutingRule>;

const RuleFields = z.object({
  name: Text(2, 100),
  position: z.number().int().min(0).max(100_000),
  enabled: z.boolean(),
  conditions: RoutingConditions,
  targetUnitId: Id,
  kind: HandoffKind.exclude(['supervision_request']),
});

export const CreateRoutingRuleInput = RuleFields.extend({
  position: RuleFields.shape.position.optional(),
  enabled: RuleFields.shape.enabled.default(true),
  kind: RuleFields.shape.kind.default('route'),
});
export type CreateRoutingRuleInput = z.infer<typeof CreateRoutingRuleInput>;

/** Only what is sent changes: no defaults here, or a move would reset a rule's kind. */
export const UpdateRoutingRuleInput = RuleFields.partial().extend({ version: Version });
export type UpdateRoutingRuleInput = z.infer<typeof UpdateRoutingRuleInput>;

/** What a rule is matched against: the facts of the clue, nothing about who reported it. */
export interface RoutableClue {
  category: ClueCategory;
  township: string | null;
  participants: number | null;
  levels: number | null;
  amountYuan: number | null;
  subjectName: string;
  description: string;
}

export function ruleMatches(conditions: RoutingConditions, clue: RoutableClue): boolean {
  const c = conditions;
  if (c.categories && !c.categories.includes(clue.category)) return false;
  if (c.townships && !(clue.township && c.townships.includes(clue.township))) return false;
  if (c.minParticipants !== undefined && (clue.participants ?? 0) < c.minParticipants) return false;
  if (c.minLevels !== undefined && (clue.levels ?? 0) < c.minLevels) return false;
  if (c.minAmountYuan !== undefined && (clue.amountYuan ?? 0) < c.minAmountYuan) return false;
  if (c.keywords) {
    const text = `${clue.subjectName}\n${clue.description}`;
    if (!c.keywords.some((k) => text.includes(k))) return false;
  }
  return true;
}

/** Ordered by position, first enabled match wins. */
export function firstMatchingRule<
  R extends Pick<RoutingRule, 'position' | 'enabled' | 'conditions'>,
>(rules: readonly R[], clue: RoutableClue): R | null {
  return (
    [...rules]
      .sort((a, b) => a.position - b.position)
      .find((r) => r.enabled && ruleMatches(r.conditions, clue)) ?? null
  );
}
