import { z } from 'zod';
import { Day, Keyword, listQuery } from '../common/list-query.js';

/** What a notice is about, as the inbox's 类别 filter names it; `other` is about nothing open. */
export const NOTIFICATION_SUBJECT_LABELS = {
  task: '任务',
  work_order: '交办单',
  supervision_case: '督办件',
  clue: '线索',
  handoff: '移送件',
  letter: '责任书',
  meeting: '会议',
  stat_report: '战果报送',
  briefing: '工作简报',
  other: '其他',
} as const;
export const NotificationSubject = z.enum(
  Object.keys(NOTIFICATION_SUBJECT_LABELS) as [keyof typeof NOTIFICATION_SUBJECT_LABELS],
);
export type NotificationSubject = z.infer<typeof NotificationSubject>;

/** The inbox's filters, shared by the list and 全部标为已读 (which reads what the list shows). */
export const NotificationFilter = {
  /** over the title and the text */
  q: Keyword,
  subjectType: NotificationSubject.optional(),
  from: Day.optional(),
  to: Day.optional(),
};

export const NotificationQuery = listQuery(
  {
    ...NotificationFilter,
    status: z.enum(['unread', 'read']).optional(),
    /** what clients sent before `status`: `true` is `status=unread`, `false` no filter */
    unread: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  },
  ['createdAt'],
);
export type NotificationQuery = z.infer<typeof NotificationQuery>;

export const ReadAllNotificationsInput = z
  .object(NotificationFilter)
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: '开始日期不能晚于结束日期',
    path: ['from'],
  });
export type ReadAllNotificationsInput = z.infer<typeof ReadAllNotificationsInput>;
