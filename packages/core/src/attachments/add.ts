import { type Attachment, notFound } from '@lianxi/domain';
import { clueAttachments, clues } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { clueScope } from '../common/clue-scope.js';
import { type Ctx, requireRole } from '../context.js';
import { keepAttachment } from './keep.js';
import type { Upload } from './receive.js';
import type { AttachmentStore } from './store.js';

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
  return keepAttachment(ctx, upload, store, {
    async check() {
      requireRole(ctx, ['office', 'admin', 'unit']);
      const [clue] = await ctx.db
        .select({ id: clues.id })
        .from(clues)
        .where(and(eq(clues.id, clueId), clueScope(ctx)));
      if (!clue) throw notFound('线索');
    },
    insert: async (tx, kept) => {
      const [row] = await tx.db
        .insert(clueAttachments)
        .values({ ...kept, clueId })
        .returning();
      return row;
    },
    action: 'clue.attachment_added',
    subjectType: 'clue',
    subjectId: clueId,
  });
}
