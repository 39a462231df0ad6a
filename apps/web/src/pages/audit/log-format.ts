import type { AuditEntry, Role } from '@lianxi/domain';
import { TIME_ZONE } from '../../lib/format';

const withSeconds = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026/03/03 00:05:00` in Beijing: a log is read to the second, never in UTC. */
export const formatSeconds = (iso: string) => withSeconds.format(new Date(iso));

/** The page each kind of object is shown on, where the workbench has one the reader may open. */
const PAGES: Record<string, (id: string) => string> = {
  task: (id) => `/tasks/${id}`,
  work_order: (id) => `/work-orders/${id}`,
  clue: (id) => `/clues/${id}`,
  handoff: (id) => `/handoffs/${id}`,
  supervision_case: (id) => `/supervision/cases/${id}`,
  letter: (id) => `/letters/${id}`,
  meeting: (id) => `/meetings/${id}`,
  stat_report: (id) => `/stat-reports/${id}`,
  briefing: (id) => `/briefings/${id}`,
  unit: () => '/units',
  policy: () => '/policy',
  calendar: () => '/calendar',
  routing_rule: () => '/routing-rules',
};

export function subjectPath(type: string, id: string, role: Role): string | undefined {
  // 账号管理 is the administrators' own page
  if (type === 'user') return role === 'admin' ? '/users' : undefined;
  return PAGES[type]?.(id);
}

/** What the row's own record names the object by (serial, title, name), else its short id. */
export function objectName(e: AuditEntry): string {
  const p = e.payload;
  const pick = (k: string) => (typeof p[k] === 'string' && p[k] ? (p[k] as string) : undefined);
  const serial = pick('serial');
  const title = pick('title') ?? pick('name') ?? pick('username');
  if (serial && title) return `${serial} ${title}`;
  return serial ?? title ?? (e.subjectId.length > 12 ? `${e.subjectId.slice(0, 8)}…` : e.subjectId);
}
