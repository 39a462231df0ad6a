/** How long logins live and how failures are punished; from configuration. */
export interface AuthPolicy {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  lockoutFailures: number;
  lockoutMinutes: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  lockoutFailures: 5,
  lockoutMinutes: 15,
};
