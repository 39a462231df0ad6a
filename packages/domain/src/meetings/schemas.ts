import { z } from 'zod';
import { Day, Keyword, listQuery } from '../common/list-query.js';
import {
  Id,
  Instant,
  Version,
  Text,
  instantInOuterWindow,
  OUTER_WINDOW_MESSAGE,
} from '../common/schemas.js';

/** 全体会议, 例会, 专题会议. */
export const MeetingKind = z.enum(['plenary', 'regular', 'special']);
export type MeetingKind = z.infer<typeof MeetingKind>;
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  plenary: '全体会议',
  regular: '例会',
  special: '专题会议',
};

export const Attendee = z.object({
  /** The member unit the person attended for; null for a leader or a guest. */
  unitId: Id.nullable(),
  name: Text(1, 50),
  title: Text(1, 100).optional(),
});
export type Attendee = z.infer<typeof Attendee>;

export const CreateMeetingInput = z.object({
  kind: MeetingKind,
  title: Text(2, 200),
  // the exact window (to next year) needs today's date: the verb checks it
  heldAt: Instant.refine(instantInOuterWindow, OUTER_WINDOW_MESSAGE),
  place: Text(1, 200).optional(),
  chair: Text(1, 50).optional(),
  attendees: z.array(Attendee).max(300).default([]),
  minutes: Text(1, 50_000).optional(),
});
export type CreateMeetingInput = z.infer<typeof CreateMeetingInput>;

/** Place, chair and minutes may be cleared with null. */
export const UpdateMeetingInput = CreateMeetingInput.partial().extend({
  // no default here: leaving attendees out must not clear them
  attendees: z.array(Attendee).max(300).optional(),
  place: Text(1, 200).nullable().optional(),
  chair: Text(1, 50).nullable().optional(),
  minutes: Text(1, 50_000).nullable().optional(),
  version: Version,
});
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingInput>;

export const CreateResolutionInput = z.object({
  text: Text(2, 2000),
  /** The unit the meeting named to lead it, if any. */
  leadUnitId: Id.optional(),
});
export type CreateResolutionInput = z.infer<typeof CreateResolutionInput>;

export const Meeting = z.object({
  id: Id,
  kind: MeetingKind,
  title: z.string(),
  heldAt: Instant,
  place: z.string().nullable(),
  chair: z.string().nullable(),
  attendees: z.array(Attendee),
  minutes: z.string().nullable(),
  resolutionCount: z.number().int(),
  version: z.number().int(),
});
export type Meeting = z.infer<typeof Meeting>;

/** 落实情况 of one resolution: pending until an order exists, done when every order is. */
export const ResolutionProgress = z.enum(['pending', 'in_progress', 'done']);
export type ResolutionProgress = z.infer<typeof ResolutionProgress>;
export const RESOLUTION_PROGRESS_LABELS: Record<ResolutionProgress, string> = {
  pending: '未交办',
  in_progress: '落实中',
  done: '已落实',
};

export const ResolutionOrder = z.object({
  id: Id,
  serial: z.string(),
  title: z.string(),
  status: z.enum(['open', 'closed', 'withdrawn']),
  dueAt: Instant,
  tasks: z.number().int(),
  closedTasks: z.number().int(),
  overdueTasks: z.number().int(),
});
export type ResolutionOrder = z.infer<typeof ResolutionOrder>;

export const Resolution = z.object({
  id: Id,
  meetingId: Id,
  seq: z.number().int(),
  text: z.string(),
  leadUnitId: Id.nullable(),
  progress: ResolutionProgress,
  workOrders: z.array(ResolutionOrder),
});
export type Resolution = z.infer<typeof Resolution>;

export const MeetingDetail = Meeting.extend({ resolutions: z.array(Resolution) });
export type MeetingDetail = z.infer<typeof MeetingDetail>;

/** Whether a meeting has sat yet: the office records meetings ahead, up to next year. */
export const MeetingStatus = z.enum(['upcoming', 'held']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  upcoming: '待召开',
  held: '已召开',
};
export const meetingStatus = (heldAt: Date, now: Date): MeetingStatus =>
  heldAt.getTime() > now.getTime() ? 'upcoming' : 'held';

/** 会议列表: a keyword over title and place, the kind, held or not, and the days it sat. */
export const MeetingListQuery = listQuery(
  {
    q: Keyword,
    kind: MeetingKind.optional(),
    status: MeetingStatus.optional(),
    from: Day.optional(),
    to: Day.optional(),
  },
  ['heldAt', 'resolutions'],
);
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

/** Progress of a resolution from its orders' statuses (withdrawn orders do not count). */
export function resolutionProgress(orders: { status: string }[]): ResolutionProgress {
  const live = orders.filter((o) => o.status !== 'withdrawn');
  if (!live.length) return 'pending';
  return live.every((o) => o.status === 'closed') ? 'done' : 'in_progress';
}
