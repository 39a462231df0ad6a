import type { Problem, TokenPair } from '@lianxi/domain';
import { getSession, type Session, sessionFromTokens, setSession } from './session';

/** A failed call, carrying the server's problem+json so forms can show field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
export const isNotFound = (e: unknown) => isApiError(e) && e.status === 404;

async function toProblem(res: Response): Promise<Problem> {
  try {
    const body = (await res.json()) as Partial<Problem>;
    if (typeof body.title === 'string') return { ...body, status: res.status } as Problem;
  } catch {
    // Not JSON (a proxy's HTML error page, an empty body): fall through to a generic problem.
  }
  return {
    type: 'about:blank',
    title: res.status >= 500 ? '服务器内部错误' : '请求失败',
    status: res.status,
    detail: `服务器返回 ${res.status}`,
  };
}

async function send(method: string, path: string, body: unknown, token?: string) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: '网络错误',
      status: 0,
      detail: '无法连接服务器，请检查网络后重试',
    });
  }
}

/*
 * Refresh tokens rotate and a spent one revokes the whole login, so concurrent 401s must
 * share one refresh instead of each presenting the same token.
 */
let refreshing: Promise<Session | null> | null = null;

function refreshSession(stale: Session): Promise<Session | null> {
  refreshing ??= (async () => {
    try {
      const res = await send('POST', '/api/auth/refresh', { refreshToken: stale.refreshToken });
      if (!res.ok) return null;
      const next = sessionFromTokens((await res.json()) as TokenPair);
      setSession(next);
      return next;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/*
 * In production the API refuses everything but the password change until a seeded or
 * admin-set password is replaced; the layout registers where to send the user then.
 */
let onPasswordChangeRequired: (() => void) | null = null;
export const setPasswordChangeHandler = (handler: (() => void) | null) => {
  onPasswordChangeRequired = handler;
};

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const session = getSession();
  let res = await send(method, path, body, session?.accessToken);
  if (res.status === 401 && session) {
    // Another request may already have rotated the pair while this one was in flight.
    const latest = getSession();
    const renewed =
      latest && latest.accessToken !== session.accessToken ? latest : await refreshSession(session);
    if (!renewed) {
      setSession(null);
      throw new ApiError(await toProblem(res));
    }
    res = await send(method, path, body, renewed.accessToken);
    if (res.status === 401) setSession(null);
  }
  if (!res.ok) {
    const problem = await toProblem(res);
    if (problem.type === '/problems/password-change-required') onPasswordChangeRequired?.();
    throw new ApiError(problem);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
