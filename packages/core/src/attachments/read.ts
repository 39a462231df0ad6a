import { type Attachment, notFound } from '@lianxi/domain';
import { clueAttachments, clues, workOrderAttachments } from '@lianxi/db';
import { and, asc, eq } from 'drizzle-orm';
import { clueScope } from '../common/clue-scope.js';
import type { Ctx } from '../context.js';
import { type AttachmentStore, storedPath } from './store.js';
import { toAttachment } from './view.js';
import { workAttachmentScope } from './work-scope.js';

/** A clue's evidence, oldest first (the caller has already checked the clue is in scope). */
export async function attachmentsOfClue(ctx: Ctx, clueId: string): Promise<Attachment[]> {
  const rows = await ctx.db
    .select()
    .from(clueAttachments)
    .where(eq(clueAttachments.clueId, clueId))
    .orderBy(asc(clueAttachments.createdAt));
  return rows.map(toAttachment);
}

/**
 * One file, for those who may see what holds it (a clue, a work order, a task); to anyone
 * else it does not exist. Ids are random UUIDs, so one lookup per kind of holder is enough.
 */
export async function openAttachment(
  ctx: Ctx,
  id: string,
  store: AttachmentStore,
): Promise<Attachment & { path: string }> {
  const [clueFile] = await ctx.db
    .select({ a: clueAttachments })
    .from(clueAttachments)
    .innerJoin(clues, eq(clues.id, clueAttachments.clueId))
    .where(and(eq(clueAttachments.id, id), clueScope(ctx)));
  const [workFile] = clueFile
    ? []
    : await ctx.db
        .select()
        .from(workOrderAttachments)
        .where(and(eq(workOrderAttachments.id, id), workAttachmentScope(ctx)));
  const row = clueFile?.a ?? workFile;
  if (!row) throw notFound('附件');
  return { ...toAttachment(row), path: storedPath(store, row.sha256) };
}
