import { z } from 'zod';
import { Day, Keyword, listQuery } from '../common/list-query.js';

export const BRIEFING_STATUS_LABELS = { draft: '草稿', published: '已印发' } as const;

/**
 * The briefing list's search: a keyword over the headline and the issue (`2026年第3期`, `第3期`),
 * the status, the issue date (`issuedFrom`/`issuedTo`) and the period (`from`/`to`: briefings
 * whose period overlaps those days).
 */
export const BriefingListQuery = listQuery(
  {
    q: Keyword,
    status: z.enum(['draft', 'published']).optional(),
    issuedFrom: Day.optional(),
    issuedTo: Day.optional(),
    from: Day.optional(),
    to: Day.optional(),
  },
  ['issueNo', 'issuedOn', 'period'],
);
export type BriefingListQuery = z.infer<typeof BriefingListQuery>;
