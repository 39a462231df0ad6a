import {
  ATTACHMENT_MAX_BYTES,
  CLUE_CATEGORY_LABELS,
  type RoutingConditions,
  ATTACHMENT_TYPES,
  HANDOFF_OUTCOME_LABELS,
  HandoffOutcome,
  type HandoffKind,
  type HandoffStatus,
  REFERRAL_OUTCOMES,
  type TaskStatus,
} from '@lianxi/domain';

export const CLUE_STATUS_LABELS = { open: '在办', closed: '已办结' } as const;

/** Who sent a hand-off: a unit, or (no unit) the office. */
export const OFFICE_NAME = '打传办';
export const senderName = (unitName: (id: string) => string, fromUnitId: string | null) =>
  fromUnitId ? unitName(fromUnitId) : OFFICE_NAME;

/**
 * A hand-off's clock runs the way a task's does: waiting to be received is 待签收, in hand
 * (or being reconsidered) is 办理中, answered is done. The deadline display reads it so.
 */
export const clockStatus = (s: HandoffStatus): TaskStatus =>
  s === 'sent' ? 'issued' : s === 'answered' ? 'closed' : 'accepted';

/** The answers the receiving unit may give: a referral is opened or refused, nothing else. */
export function outcomesFor(kind: HandoffKind): HandoffOutcome[] {
  return kind === 'criminal_referral' ? [...REFERRAL_OUTCOMES] : [...HandoffOutcome.options];
}
export const outcomeOptions = (kind: HandoffKind) =>
  outcomesFor(kind).map((o) => ({ value: o, label: HANDOFF_OUTCOME_LABELS[o] }));

/** A refusal, a non-crime and a return must say why. */
export const REASON_REQUIRED: readonly HandoffOutcome[] = ['refused', 'not_crime', 'returned'];

/** `1.5 MB`, `320 KB`: what a clerk reads beside a file. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const ATTACHMENT_LIMIT_TEXT = `${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`;
/** 图片、PDF 文档、Word 文档…: the kinds the server accepts, each named once. */
export const ATTACHMENT_KINDS_TEXT = [...new Set(Object.values(ATTACHMENT_TYPES))].join('、');
/** A hint for the file picker; the server still judges every file by its content. */
export const ATTACHMENT_ACCEPT = [
  'image/*',
  'audio/*',
  'video/mp4',
  'video/quicktime',
  '.pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.amr',
  '.m4a',
].join(',');

export const HANDOFF_STATUS_COLOURS: Record<HandoffStatus, string> = {
  sent: 'processing',
  received: 'blue',
  reconsidering: 'purple',
  answered: 'success',
};

export const HANDOFF_KIND_COLOURS: Record<HandoffKind, string> = {
  route: 'default',
  transfer: 'cyan',
  criminal_referral: 'volcano',
  supervision_request: 'purple',
};

export const OUTCOME_COLOURS: Record<HandoffOutcome, string> = {
  handled: 'green',
  case_opened: 'green',
  refused: 'red',
  not_crime: 'orange',
  returned: 'gold',
};

/** `1,234,567.5 元` for amounts involved. */
export const formatYuan = (n: number | null) =>
  n === null ? '—' : `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

/** A rule's conditions in words, one tag each; none is the catch-all. */
export function describeConditions(c: RoutingConditions): string[] {
  const parts: string[] = [];
  if (c.categories?.length)
    parts.push(`类型：${c.categories.map((k) => CLUE_CATEGORY_LABELS[k]).join('或')}`);
  if (c.townships?.length) parts.push(`乡镇：${c.townships.join('、')}`);
  if (c.minParticipants != null) parts.push(`人数 ≥ ${c.minParticipants}`);
  if (c.minLevels != null) parts.push(`层级 ≥ ${c.minLevels}`);
  if (c.minAmountYuan != null) parts.push(`金额 ≥ ${formatYuan(c.minAmountYuan)}`);
  if (c.keywords?.length) parts.push(`含关键词：${c.keywords.join('、')}`);
  return parts;
}
