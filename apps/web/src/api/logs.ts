import type {
  AuditActor,
  AuditPage,
  AuditVerifyResult,
  LoginLogPage,
  QueuesOverview,
} from '@lianxi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, withQuery } from './client';

type Query = Record<string, string | number | undefined>;

export const logKeys = {
  audit: ['audit'] as const,
  verify: ['audit', 'verify'] as const,
  actors: ['audit', 'actors'] as const,
  loginLog: ['login-log'] as const,
};

/** One numbered page of the operation log under the URL's filters. */
export function useAuditPage(query: Query) {
  return useQuery({
    queryKey: [...logKeys.audit, 'list', query],
    queryFn: () => get<AuditPage>(withQuery('/api/audit', query)),
    placeholderData: keepPreviousData,
  });
}

/** The chain check: every row recomputed, so it is asked for once per visit. */
export function useAuditVerify() {
  return useQuery({
    queryKey: logKeys.verify,
    queryFn: () => get<AuditVerifyResult>('/api/audit/verify'),
    staleTime: 60_000,
  });
}

export function useAuditActors() {
  return useQuery({
    queryKey: logKeys.actors,
    queryFn: () => get<{ items: AuditActor[] }>('/api/audit/actors').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export function useLoginLogPage(query: Query) {
  return useQuery({
    queryKey: [...logKeys.loginLog, 'list', query],
    queryFn: () => get<LoginLogPage>(withQuery('/api/login-log', query)),
    placeholderData: keepPreviousData,
  });
}

/** Where the two logs are exported from. */
export const AUDIT_EXPORT = '/api/exports/audit.xlsx';
export const LOGIN_LOG_EXPORT = '/api/exports/login-log.xlsx';

/** The export of what the page shows: its filters, without the paging. */
export function exportPath(path: string, query: Query): string {
  const { offset: _o, limit: _l, sort: _s, ...filters } = query;
  return withQuery(path, filters);
}

/** 队列监控, looked at again every ten seconds while the page is open. */
export function useQueuesOverview() {
  return useQuery({
    queryKey: ['admin', 'queues'],
    queryFn: () => get<QueuesOverview>('/api/admin/queues'),
    refetchInterval: 10_000,
  });
}
