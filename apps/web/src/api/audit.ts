import type { AuditActor, AuditPage, AuditVerifyResult } from '@lianxi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, withQuery } from './client';
import type { ListQuery } from './queries';
export const logKeys = {
  audit: ['audit'] as const,
  verify: ['audit', 'verify'] as const,
  actors: ['audit', 'actors'] as const,
  loginLog: ['login-log'] as const,
};

/** One numbered page of the operation log under the URL's filters. */
export function useAuditPage(query: ListQuery) {
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

/** Where the operation log is exported from. */
export const AUDIT_EXPORT = '/api/exports/audit.xlsx';
