import { z } from 'zod';
import { Id } from '../common/schemas.js';
import { TaskStatus } from './status.js';

const count = z.number().int().min(0);

/** A dashboard's figures, counted by the database rather than by paging through tasks. */
export const TaskStats = z.object({
  total: count,
  open: count,
  byStatus: z.record(TaskStatus, count),
  byColour: z.object({ blue: count, yellow: count, orange: count, red: count }),
  byUnit: z.array(
    z.object({ unitId: Id, total: count, open: count, overdue: count, closed: count }),
  ),
});
export type TaskStats = z.infer<typeof TaskStats>;
