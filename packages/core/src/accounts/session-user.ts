import type { users } from '@lianxi/db';
import type { Me } from '@lianxi/domain';

/** What a token carries about its user, and what `GET /api/me` answers. */
export interface SessionUser extends Me {
  sessionId: string;
}

export const toMe = (u: typeof users.$inferSelect): Me => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  unitId: u.unitId,
  conferenceId: u.conferenceId,
  mustChangePassword: u.mustChangePassword,
});
