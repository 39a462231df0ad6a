import { LEVEL_LABELS as LADDER_LABELS } from '@lianxi/domain';
import {
  DUTY_AREA_LABELS,
  type DutyArea,
  ROLE_LABELS,
  type Role,
  TASK_ACTION_LABELS,
  TASK_STATUS_LABELS,
  type TaskStatus,
} from '@lianxi/domain';

export const TIME_ZONE = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateOnly = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});

/** `2026年11月23日 17:30`, always in the conference's zone whatever the PC's clock says. */
export const formatTime = (iso: string | null | undefined) =>
  iso ? dateTime.format(new Date(iso)) : '—';
export const formatDate = (iso: string | null | undefined) =>
  iso ? dateOnly.format(new Date(iso)) : '—';

export const statusLabel = (s: TaskStatus) => TASK_STATUS_LABELS[s];
export const roleLabel = (r: Role) => ROLE_LABELS[r];
export const areaLabel = (a: DutyArea) => DUTY_AREA_LABELS[a];

export const ASSIGNMENT_LABELS = { lead: '主办', assist: '协办' } as const;
export const PRIORITY_LABELS = { normal: '普通', urgent: '特急' } as const;
export const ORDER_STATUS_LABELS = { open: '办理中', closed: '已办结', withdrawn: '已撤回' };
export const UNIT_ROLE_LABELS = { office: '打传办', lead: '牵头单位', member: '成员单位' };
export const UNIT_KIND_LABELS = { department: '部门', grassroots: '乡镇街道' };
/** The ladder's words by any level number the API answers (0 has none). */
export const LEVEL_LABELS: Readonly<Record<number, string>> = LADDER_LABELS;
export const ESCALATION_REASON_LABELS = {
  unsigned: '逾期未签收',
  overdue: '逾期未办结',
  office_overdue: '打传办逾期未审',
} as const;

export const STATUS_COLOURS: Record<TaskStatus, string> = {
  issued: 'processing',
  accepted: 'blue',
  returned: 'purple',
  reported: 'cyan',
  closed: 'success',
  reassigned: 'default',
  withdrawn: 'default',
};

/** Event verbs as the timeline shows them; `issue` is not a TaskAction but is recorded. */
export const EVENT_LABELS: Record<string, string> = {
  issue: '下发',
  split: '分解交办',
  ...TASK_ACTION_LABELS,
};

const wallClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-23 17:30`: an instant as Beijing's wall clock, the way a date-time picker holds it. */
export const beijingWallClock = (iso: string) => wallClock.format(new Date(iso));
