import { AppError } from '@lianxi/domain';

/** Refuses a password the policy does not allow, naming each problem under its field. */
export function refusePassword(problems: string[], field: string, what: string): void {
  if (!problems.length) return;
  throw new AppError('invalid_input', `${what}不符合要求：${problems.join('；')}`, {
    errors: problems.map((message) => ({ field, message })),
  });
}
