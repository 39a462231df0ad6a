import { type Attachment, notFound } from '@lianxi/domain';
import { clueAttachments, clues } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { clueScope } from '../clues/view.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { receiveUpload, refuseUpload, type Upload } from './receive.js';
import type { AttachmentStore } from './store.js';
import { toAttachment, uploader } from './view.js';

/**
 * 上传证据: anyone who may see the clue (office or a unit holding or handed it) adds a
 * file. Over the limit or of a type evidence may not be, nothing is kept.
 */
export async function addAttachment(
  ctx: Ctx,
  clueId: string,
  upload: Upload,
  store: AttachmentStore,
): Promise<Attachment> {
  requireRole(ctx, ['office', 'admin', 'unit']);
  const [clue] = await ctx.db
    .select({ id: clues.id })
    .from(clues)
    .where(and(eq(clues.id, clueId), clueScope(ctx)));
  if (!clue) {
    refuseUpload(upload);
    throw notFound('线索');
  }
  const file = await receiveUpload(store, upload);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(clueAttachments)
      .values({ conferenceId: ctx.conferenceId, clueId, ...file, ...uploader(ctx) })
      .returning();
    await appendAudit(tx, {
      action: 'clue.attachment_added',
      subjectType: 'clue',
      subjectId: clueId,
      payload: {
        attachmentId: row.id,
        sha256: row.sha256,
        size: row.size,
        mediaType: row.mediaType,
      },
    });
    return toAttachment(row);
  });
}
