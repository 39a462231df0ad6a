import type { Meeting } from '@lianxi/domain';
import { meetings } from '@lianxi/db';

export type MeetingRow = typeof meetings.$inferSelect;

export const toMeeting = (m: MeetingRow, resolutionCount: number): Meeting => ({
  id: m.id,
  kind: m.kind,
  title: m.title,
  heldAt: m.heldAt.toISOString(),
  place: m.place,
  chair: m.chair,
  attendees: m.attendees,
  minutes: m.minutes,
  resolutionCount,
  version: m.version,
});
