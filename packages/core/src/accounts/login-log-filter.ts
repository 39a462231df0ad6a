import { loginLog } from '@lianxi/db';
import type { LoginLogFilter } from '@lianxi/domain';
import { eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { dayBounds } from '../audit/filter.js';
import type { Ctx } from '../context.js';

/** The conditions of the login log's filters, always within the caller's conference. */
export async function loginLogConditions(ctx: Ctx, filter: LoginLogFilter): Promise<SQL[]> {
  const where: SQL[] = [eq(loginLog.conferenceId, ctx.conferenceId)];
  if (filter.username) where.push(eq(loginLog.username, filter.username));
  if (filter.result) where.push(eq(loginLog.success, filter.result === 'success'));
  // `<<=`: the address lies in the network typed (a bare address is a network of one)
  if (filter.ip) where.push(sql`${loginLog.ip} <<= ${filter.ip}::inet`);
  const { from, until } = await dayBounds(ctx, filter);
  if (from) where.push(gte(loginLog.at, from));
  if (until) where.push(lt(loginLog.at, until));
  return where;
}
