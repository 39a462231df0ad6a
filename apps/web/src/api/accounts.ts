import type {
  ChangePasswordInput,
  CreateUserInput,
  LoginInput,
  LoginLogPage,
  Me,
  RefreshInput,
  ResetPasswordInput,
  TokenPair,
  UpdateUserInput,
  User,
} from '@lianxi/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { logKeys } from './audit';
import { get, patch, post, withQuery } from './client';
import { type ListQuery, useListPage } from './queries';

export const userKeys = { users: ['users'] as const };

export const login = (body: z.input<typeof LoginInput>) => post<TokenPair>('/api/auth/login', body);
export const logout = (body: z.input<typeof RefreshInput>) => post<void>('/api/auth/logout', body);
export const fetchMe = () => get<Me>('/api/me');
export const changePassword = (body: z.input<typeof ChangePasswordInput>) =>
  post<void>('/api/me/password', body);

export const createUser = (body: z.input<typeof CreateUserInput>) => post<User>('/api/users', body);
export const updateUser = (id: string, body: z.input<typeof UpdateUserInput>) =>
  patch<User>(`/api/users/${id}`, body);
/** 停用 / 启用: a disabled account's logins end at once. */
export const setUserDisabled = (id: string, disabled: boolean) =>
  post<User>(`/api/users/${id}/${disabled ? 'disable' : 'enable'}`);
export const resetPassword = (id: string, body: z.input<typeof ResetPasswordInput>) =>
  post<User>(`/api/users/${id}/password`, body);

export const useUserList = (query: Record<string, string | number | undefined>) =>
  useListPage<User>(userKeys.users, '/api/users', query);

export function useLoginLogPage(query: ListQuery) {
  return useQuery({
    queryKey: [...logKeys.loginLog, 'list', query],
    queryFn: () => get<LoginLogPage>(withQuery('/api/login-log', query)),
    placeholderData: keepPreviousData,
  });
}

export const LOGIN_LOG_EXPORT = '/api/exports/login-log.xlsx';
