import type { SessionCache } from './accounts/session-cache.js';
import type { Db } from '@lianxi/db';
import type { Role } from '@lianxi/domain';
import { forbidden } from '@lianxi/domain';
import type { Clock } from './clock.js';

export interface Log {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
}

export interface Actor {
  /** null for the platform itself (the worker, the seed). */
  userId: string | null;
  role: Role | 'system';
  unitId: string | null;
  sessionId?: string;
}

/** What every verb runs with before anyone is known (login, refresh). */
export interface BaseCtx {
  db: Db;
  clock: Clock;
  log: Log;
  requestId?: string;
  /** The process's remembered logins, where it keeps them (the API does). */
  sessions?: SessionCache;
  /** Set by withTransaction so nested verbs join the outer transaction. */
  inTransaction?: boolean;
}

export interface Ctx extends BaseCtx {
  actor: Actor;
  conferenceId: string;
}

export const systemActor: Actor = { userId: null, role: 'system', unitId: null };

export const silentLog: Log = { info() {}, warn() {}, error() {}, debug() {} };

/** The first line of every write verb: the platform itself may do anything. */
export function requireRole(ctx: Ctx, roles: readonly Role[]): void {
  if (ctx.actor.role === 'system') return;
  if (!roles.includes(ctx.actor.role)) throw forbidden();
}
