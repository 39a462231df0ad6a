import type { SessionUser } from './session-user.js';

/** The channel the database's triggers tell of every changed session (`s:<id>`) or user (`u:<id>`). */
export const SESSION_CHANNEL = 'lianxi_sessions';

interface Entry {
  user: SessionUser;
  validUntil: number;
}

/**
 * Live logins remembered between requests, so an authenticated request does not pay a
 * database round trip to learn its login still holds. Triggers on `sessions` and `users`
 * send a notice at every commit that changes either, and the notice forgets what it names;
 * the cache is trusted only while that feed listens (`trust`/`distrust`), and a lookup that
 * began before any notice arrived is not remembered, so a read racing a logout cannot store
 * the login it revoked. An entry is also re-read at least every `maxAgeMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private trusted = false;

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  get(sessionId: string, now: Date): SessionUser | undefined {
    if (!this.trusted) return undefined;
    const entry = this.entries.get(sessionId);
    if (entry && now.getTime() < entry.validUntil) return entry.user;
    this.entries.delete(sessionId);
    return undefined;
  }

  /** Where a lookup starts; hand it back to `remember`. */
  begin(): number {
    return this.generation;
  }

  remember(user: SessionUser, expiresAt: Date, now: Date, begun: number): void {
    if (!this.trusted || begun !== this.generation) return;
    if (this.entries.size >= this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(user.sessionId, {
      user,
      validUntil: Math.min(expiresAt.getTime(), now.getTime() + this.maxAgeMs),
    });
  }

  /** A notice: `s:<session id>` forgets that login, `u:<user id>` all of that user's. */
  forget(notice: string): void {
    this.generation++;
    const id = notice.slice(2);
    if (notice.startsWith('s:')) {
      this.entries.delete(id);
    } else if (notice.startsWith('u:')) {
      for (const [key, entry] of this.entries) if (entry.user.id === id) this.entries.delete(key);
    } else {
      this.entries.clear();
    }
  }

  /** The feed listens again: what it missed meanwhile is unknown, so start empty. */
  trust(): void {
    this.entries.clear();
    this.generation++;
    this.trusted = true;
  }

  distrust(): void {
    this.trusted = false;
    this.entries.clear();
    this.generation++;
  }
}
