import { users } from '@lianxi/db';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/**
 * The conference's active administrators, locked in one order: of two administrators
 * stopping or demoting each other at once, the second sees the first's change, so one remains.
 */
export async function lockActiveAdmins(tx: Ctx): Promise<string[]> {
  const rows = await tx.db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.conferenceId, tx.conferenceId),
        eq(users.role, 'admin'),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((r) => r.id);
}
