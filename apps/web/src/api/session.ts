import type { Me, TokenPair } from '@lianxi/domain';

/**
 * The login lives in sessionStorage: it ends with the tab, so a shared office PC does not
 * keep a clerk logged in after the browser window is closed.
 */
const KEY = 'lianxi.session';

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: Me;
}

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();

export const getSession = () => current;

export function setSession(next: Session | null): void {
  current = next;
  if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener(next);
}

export const sessionFromTokens = (pair: TokenPair): Session => ({
  accessToken: pair.accessToken,
  refreshToken: pair.refreshToken,
  user: pair.user,
});

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
