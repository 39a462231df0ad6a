/**
 * Errors carry a code and no transport knowledge; each transport maps codes to its own
 * answers (the API maps them to problem+json statuses in one table).
 */
export const ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'password_change_required',
  'not_found',
  'method_not_allowed',
  'conflict',
  'stale_version',
  'illegal_transition',
  'rule_violation',
  'too_large',
  'unsupported_type',
  'rate_limited',
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors?: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.errors = extra.errors;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what}不存在或无权访问`);
export const forbidden = (message = '当前角色无权执行此操作') => new AppError('forbidden', message);
export const staleVersion = (what: string) =>
  new AppError('stale_version', `${what}已被他人修改，请刷新后重试`);
export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
