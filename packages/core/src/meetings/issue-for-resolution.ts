import { type IssueWorkOrderInput, notFound, type WorkOrder } from '@lianxi/domain';
import { resolutions } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { issueWorkOrder } from '../work-orders/issue.js';

/** 交办议定事项: a work order issued for a resolution, linked back to it. */
export async function issueForResolution(
  ctx: Ctx,
  resolutionId: string,
  input: IssueWorkOrderInput,
): Promise<WorkOrder> {
  requireRole(ctx, ['office', 'admin']);
  return withTransaction(ctx, async (tx) => {
    const [resolution] = await tx.db
      .select({ id: resolutions.id })
      .from(resolutions)
      .where(and(eq(resolutions.id, resolutionId), eq(resolutions.conferenceId, ctx.conferenceId)));
    if (!resolution) throw notFound('议定事项');
    return issueWorkOrder(tx, input, { resolutionId });
  });
}
