import type { Me, Role } from '@lianxi/domain';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { fetchMe, login as signIn, logout as signOut } from './api/accounts';
import {
  getSession,
  type Session,
  sessionFromTokens,
  setSession,
  subscribeSession,
} from './api/session';

interface Auth {
  user: Me | null;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Re-reads the user (after a password change clears mustChangePassword). */
  reloadMe(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setLocal] = useState<Session | null>(getSession);
  const client = useQueryClient();

  useEffect(
    () =>
      subscribeSession((next) => {
        setLocal(next);
        // Another user's cached lists must never show after a re-login on the same tab.
        if (!next) client.clear();
      }),
    [client],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const pair = await signIn({ username, password });
      client.clear();
      setSession(sessionFromTokens(pair));
      return pair.user;
    },
    [client],
  );

  const logout = useCallback(async () => {
    const current = getSession();
    setSession(null);
    if (current) {
      // Ending the server session is best effort: the local one is gone either way.
      await signOut({ refreshToken: current.refreshToken }).catch(() => {});
    }
  }, []);

  const reloadMe = useCallback(async () => {
    const me = await fetchMe();
    const current = getSession();
    if (current) setSession({ ...current, user: me });
  }, []);

  return (
    <AuthContext.Provider value={{ user: session?.user ?? null, login, logout, reloadMe }}>
      {children}
    </AuthContext.Provider>
  );
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The logged-in user; pages under the authenticated layout may rely on it. */
export function useMe(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useMe without a user');
  return user;
}

export const isOffice = (role: Role) => role === 'office' || role === 'admin';

/** Where each role lands after login. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'unit':
      return '/inbox';
    case 'supervisor':
      return '/supervision';
    case 'leader':
      return '/leader';
    default:
      return '/dashboard';
  }
}
