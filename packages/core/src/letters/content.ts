import { randomUUID } from 'node:crypto';
import {
  AppError,
  type DeductionItem,
  type DeductionItemInput,
  type Indicator,
  type IndicatorInput,
  pointsProblem,
} from '@lianxi/domain';

/** A letter's indicators with their ids, refused unless their points make 100. */
export function toIndicators(inputs: IndicatorInput[]): Indicator[] {
  const problem = pointsProblem(inputs);
  if (problem) {
    throw new AppError('rule_violation', problem, {
      errors: [{ field: 'body.indicators', message: problem }],
    });
  }
  return inputs.map((i) => ({
    id: randomUUID(),
    kind: i.kind,
    name: i.name,
    points: i.points,
    metric: i.kind === 'measured' ? i.metric : null,
    perLevel:
      i.kind === 'measured' && i.metric === 'overdue_by_level' ? (i.perLevel ?? null) : null,
    description: i.kind === 'manual' ? (i.description ?? null) : null,
  }));
}

export const toDeductionItems = (inputs: DeductionItemInput[]): DeductionItem[] =>
  inputs.map((d) => ({ id: randomUUID(), ...d }));
