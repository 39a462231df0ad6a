import { z } from 'zod';

export const DurationUnit = z.enum(['workday', 'day', 'hour', 'minute', 'second']);
export type DurationUnit = z.infer<typeof DurationUnit>;

export const Duration = z.object({
  amount: z.number().int().min(0).max(100_000),
  unit: DurationUnit,
});
export type Duration = z.infer<typeof Duration>;

export const EscalationLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type EscalationLevel = z.infer<typeof EscalationLevel>;

export const Policy = z
  .object({
    /** From issue to the sign-for limit. */
    signWithin: Duration,
    /** From issue to the end of the return window. */
    returnWithin: Duration,
    /** Before dueAt: when the due-soon reminder goes out. */
    dueSoon: Duration,
    /** After dueAt: when each level is reached. */
    ladder: z.array(z.object({ level: EscalationLevel, after: Duration })).length(3),
    /** Limit of an ordinary work order; `urgentDue` of an urgent one. */
    defaultDue: Duration,
    urgentDue: Duration,
    /** Extensions may add at most this much to the original deadline, in all. */
    maxExtension: Duration,
    /** The office's own limits: ruling on a return, reviewing a report. */
    rulingWithin: Duration,
    reviewWithin: Duration,
    /** A clue handed on: from receipt to the receiving unit's answer (referrals keep the law's). */
    handoffResultWithin: Duration.default({ amount: 15, unit: 'workday' }),
  })
  .refine((p) => p.ladder.map((s) => s.level).join() === '1,2,3', {
    message: '督办阶梯必须依次为 1、2、3 级',
    path: ['ladder'],
  });
export type Policy = z.infer<typeof Policy>;

const workdays = (amount: number): Duration => ({ amount, unit: 'workday' });

/** DESIGN §5: from published 12345 and 督查督办 rules. Every value is data a conference may change. */
export const DEFAULT_POLICY: Policy = {
  signWithin: workdays(1),
  returnWithin: workdays(2),
  dueSoon: workdays(1),
  ladder: [
    { level: 1, after: { amount: 0, unit: 'second' } },
    { level: 2, after: workdays(2) },
    { level: 3, after: workdays(5) },
  ],
  defaultDue: workdays(5),
  urgentDue: workdays(0),
  maxExtension: workdays(10),
  rulingWithin: workdays(2),
  reviewWithin: workdays(2),
  // 市场监督管理行政处罚程序规定: a clue is verified within 15 workdays of receipt
  handoffResultWithin: workdays(15),
};

export const PolicyView = z.object({ policy: Policy, version: z.number().int() });
export type PolicyView = z.infer<typeof PolicyView>;

export const UpdatePolicyInput = z.object({ policy: Policy, version: z.number().int().min(1) });
export type UpdatePolicyInput = z.infer<typeof UpdatePolicyInput>;
