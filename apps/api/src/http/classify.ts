import { errorChain, pgErrorCode } from '@lianxi/core';
import { type AppError, type FieldError, isAppError } from '@lianxi/domain';
import { PROBLEMS } from './problem.js';

export interface Classified {
  status: number;
  code: AppError['code'] | null;
  detail: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
  /** Worth a stack trace in the log: our fault, not the client's. */
  unexpected?: boolean;
}

interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[]; message?: string }; keys?: unknown[] };
}

/** What a field the API does not define is told (the inputs are strict, see app.ts). */
export const UNKNOWN_FIELD = '未定义的字段，请删除';

type FastifyLikeError = Error & {
  code?: string;
  statusCode?: number;
  validation?: ValidationIssue[];
  validationContext?: string;
  errno?: number;
};

/** PostgreSQL and socket failures that mean "the database is not there right now". */
const UNAVAILABLE_PG = /^(08|53|57P0[1-3]|57014)/;
const UNAVAILABLE_MESSAGES =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|not queryable|timeout exceeded when trying to connect|Connection is closed|enableOfflineQueue|MaxRetriesPerRequest|Reached the max retries/i;

/** Turns whatever a request threw into one answer; nothing a client sends becomes a 500. */
export function classify(error: unknown): Classified {
  if (isAppError(error)) {
    return {
      status: PROBLEMS[error.code].status,
      code: error.code,
      detail: error.message,
      errors: error.errors,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  const e = (error ?? {}) as FastifyLikeError;
  if (e.validation) {
    const where = e.validationContext ?? 'body';
    const errors = e.validation.flatMap((v) => {
      const path = v.params?.issue?.path?.map(String) ?? v.instancePath?.split('/').filter(Boolean);
      // one error for each field the route does not define, named like any other field
      if (v.keyword === 'unrecognized_keys' && Array.isArray(v.params?.keys)) {
        return v.params.keys.map((key) => ({
          field: [where, ...(path ?? []), String(key)].join('.'),
          message: UNKNOWN_FIELD,
        }));
      }
      return [
        {
          field: [where, ...(path ?? [])].join('.'),
          message: v.params?.issue?.message ?? v.message ?? '无效的值',
        },
      ];
    });
    return {
      status: 400,
      code: 'invalid_input',
      detail: errors.map((x) => `${x.field}：${x.message}`).join('；'),
      errors,
    };
  }
  const pgCode = pgErrorCode(error);
  const unreachable = errorChain(error).some((x) => UNAVAILABLE_MESSAGES.test(x.message ?? ''));
  if ((pgCode && UNAVAILABLE_PG.test(pgCode)) || unreachable) {
    return { status: 503, code: 'unavailable', detail: '数据库或队列服务暂不可用，请稍后重试' };
  }
  if (pgCode?.startsWith('22')) {
    return {
      status: 400,
      code: 'invalid_input',
      detail: '请求中含有无法保存的数据（如非法字符或超出范围的数值）',
    };
  }
  if (pgCode === '23505') return { status: 409, code: 'conflict', detail: '数据已存在' };
  if (pgCode === '23503')
    return { status: 409, code: 'conflict', detail: '引用的数据不存在或仍被引用' };
  if (pgCode === '40001' || pgCode === '40P01') {
    return { status: 409, code: 'conflict', detail: '并发操作冲突，请重试' };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, code: null, detail: translate(e) };
  }
  return {
    status: 500,
    code: null,
    detail: '服务器内部错误，请联系管理员并提供请求编号',
    unexpected: true,
  };
}

/** Fastify's own 4xx messages, in the language of the people who read them. */
function translate(e: FastifyLikeError): string {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return '请求体过大';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return '不支持的请求内容类型，请使用 application/json';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return '请求体不能为空';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return '请求体不是有效的 JSON';
    default:
      if (e.statusCode === 401) return '未登录或登录已失效，请重新登录';
      if (e.statusCode === 429) return '请求过于频繁，请稍后再试';
      if (e instanceof SyntaxError) return '请求体不是有效的 JSON';
      return e.message || '请求无法处理';
  }
}
