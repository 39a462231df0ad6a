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
  // A FormData body sets its own multipart content type, boundary included.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
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

/** One authorised call: refreshes a stale access token once, and throws the server's problem. */
async function request(method: string, path: string, body?: unknown): Promise<Response> {
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
  return res;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await request(method, path, body);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const del = (path: string) => api<void>('DELETE', path);

/** Sends one file as multipart/form-data under the field name the API reads. */
export function upload<T>(path: string, file: Blob, field = 'file'): Promise<T> {
  const form = new FormData();
  form.append(field, file);
  return api<T>('POST', path, form);
}

/**
 * Fetches a file with the bearer header (a bare link would carry none) and hands it to the
 * browser as a download under `fileName`.
 */
export async function download(path: string, fileName: string): Promise<void> {
  const res = await request('GET', path);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click only starts the download: give the browser a moment before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A text resource (the printable page of a briefing) fetched with the bearer header. */
export async function getText(path: string): Promise<string> {
  const res = await request('GET', path);
  return res.text();
}

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The export of what the page shows: its filters, without the paging. */
export function exportPath(
  path: string,
  query: Record<string, string | number | undefined>,
): string {
  const { offset: _o, limit: _l, sort: _s, ...filters } = query;
  return withQuery(path, filters);
}
