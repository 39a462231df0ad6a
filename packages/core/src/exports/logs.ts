import { auditLog, loginLog, units, users } from '@lianxi/db';
import {
  AUDIT_READERS,
  type AuditFilter,
  auditActionLabel,
  auditSubjectLabel,
  LOGIN_FAILURE_LABELS,
  type LoginLogFilter,
  ROLE_LABELS,
  type Role,
} from '@lianxi/domain';
import { and, desc, eq } from 'drizzle-orm';
import { LOGIN_LOG_READERS } from '../accounts/list-login-log.js';
import { loginLogConditions } from '../accounts/login-log-filter.js';
import { auditConditions } from '../audit/filter.js';
import { loadConference } from '../calendar/load.js';
import { type Ctx, requireRole } from '../context.js';
import { workbook } from './workbook.js';

/** A sheet is for reading: past this many rows the filters must narrow it. */
const MAX_ROWS = 100_000;

/** `2026-11-23 17:30:05` on the conference's wall clock: a sheet never shows UTC. */
function wallClock(timeZone: string) {
  const f = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return (d: Date) => f.format(d);
}

/** 操作日志 under the page's filters, newest first. */
export async function exportAudit(ctx: Ctx, filter: AuditFilter): Promise<Buffer> {
  requireRole(ctx, AUDIT_READERS);
  const time = wallClock((await loadConference(ctx, ctx.conferenceId)).timeZone);
  const rows = await ctx.db
    .select({ a: auditLog, name: users.displayName, unit: units.name })
    .from(auditLog)
    .leftJoin(
      users,
      and(eq(users.id, auditLog.actorId), eq(users.conferenceId, auditLog.conferenceId)),
    )
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(...(await auditConditions(ctx, filter))))
    .orderBy(desc(auditLog.id))
    .limit(MAX_ROWS);
  return workbook(
    '操作日志',
    [
      { header: '序号', width: 10, value: (r) => r.a.id },
      { header: '时间', width: 20, value: (r) => time(r.a.at) },
      { header: '操作人', width: 14, value: (r) => r.name ?? '系统' },
      { header: '所属单位', width: 20, value: (r) => r.unit },
      { header: '角色', value: (r) => ROLE_LABELS[r.a.actorRole as Role] ?? r.a.actorRole },
      { header: '操作', width: 18, value: (r) => auditActionLabel(r.a.action) },
      { header: '对象类型', value: (r) => auditSubjectLabel(r.a.subjectType) },
      { header: '对象编号', width: 38, value: (r) => r.a.subjectId },
      { header: '内容', width: 60, value: (r) => JSON.stringify(r.a.payload) },
      { header: '请求号', width: 20, value: (r) => r.a.requestId },
    ],
    rows,
  );
}

/** 登录日志 under the page's filters, newest first. */
export async function exportLoginLog(ctx: Ctx, filter: LoginLogFilter): Promise<Buffer> {
  requireRole(ctx, [...LOGIN_LOG_READERS]);
  const time = wallClock((await loadConference(ctx, ctx.conferenceId)).timeZone);
  const rows = await ctx.db
    .select()
    .from(loginLog)
    .where(and(...(await loginLogConditions(ctx, filter))))
    .orderBy(desc(loginLog.id))
    .limit(MAX_ROWS);
  return workbook(
    '登录日志',
    [
      { header: '时间', width: 20, value: (r) => time(r.at) },
      { header: '用户名', width: 16, value: (r) => r.username },
      { header: '结果', value: (r) => (r.success ? '成功' : '失败') },
      {
        header: '失败原因',
        width: 22,
        value: (r) => (r.reason ? (LOGIN_FAILURE_LABELS[r.reason] ?? r.reason) : null),
      },
      { header: 'IP 地址', width: 18, value: (r) => r.ip },
      { header: '浏览器', width: 50, value: (r) => r.userAgent },
    ],
    rows,
  );
}
