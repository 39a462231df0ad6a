import type { ErrorCode, FieldError, Problem } from '@lianxi/domain';

/** The one table from error codes to HTTP: status and the title a clerk reads. */
export const PROBLEMS: Record<ErrorCode, { status: number; title: string }> = {
  invalid_input: { status: 400, title: '请求参数有误' },
  unauthenticated: { status: 401, title: '未登录或登录已失效' },
  forbidden: { status: 403, title: '无权执行此操作' },
  password_change_required: { status: 403, title: '请先修改初始密码' },
  not_found: { status: 404, title: '资源不存在' },
  method_not_allowed: { status: 405, title: '请求方法不被允许' },
  conflict: { status: 409, title: '操作冲突' },
  stale_version: { status: 409, title: '数据已被修改' },
  illegal_transition: { status: 409, title: '当前状态不允许此操作' },
  rule_violation: { status: 422, title: '不符合业务规则' },
  too_large: { status: 413, title: '文件过大' },
  unsupported_type: { status: 415, title: '不支持的文件类型' },
  rate_limited: { status: 429, title: '请求过于频繁' },
  unavailable: { status: 503, title: '服务暂不可用' },
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_type',
  422: 'rule_violation',
  429: 'rate_limited',
  503: 'unavailable',
};

export function problem(
  code: ErrorCode | null,
  status: number,
  detail: string,
  extra: { errors?: FieldError[]; requestId?: string; instance?: string } = {},
): Problem {
  const known = code ?? STATUS_CODES[status];
  return {
    type: known ? `/problems/${known.replaceAll('_', '-')}` : 'about:blank',
    title: known ? PROBLEMS[known].title : status >= 500 ? '服务器内部错误' : '请求无法处理',
    status,
    detail,
    ...(extra.instance ? { instance: extra.instance } : {}),
    ...(extra.requestId ? { requestId: extra.requestId } : {}),
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
  };
}
