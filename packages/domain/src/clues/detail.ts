import { z } from 'zod';
import { Attachment } from './attachments.js';
import { Handoff } from '../handoffs/schemas.js';
import { Clue, ClueReport } from './schemas.js';

/** One clue as its page shows it: every report, the hand-offs the caller may see, the evidence. */
export const ClueDetail = Clue.extend({
  reports: z.array(ClueReport),
  handoffs: z.array(Handoff),
  attachments: z.array(Attachment),
});
export type ClueDetail = z.infer<typeof ClueDetail>;
