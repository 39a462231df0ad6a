import type { Attachment } from '@lianxi/domain';
import { appendAudit } from '../audit/append.js';
import type { Ctx } from '../context.js';
import { withTransaction } from '../transaction.js';
import { type ReceivedFile, receiveUpload, refuseUpload, type Upload } from './receive.js';
import type { AttachmentStore } from './store.js';
import { type AttachmentRow, toAttachment, uploader } from './view.js';

export type Kept = ReceivedFile & { conferenceId: string } & ReturnType<typeof uploader>;

/** What one kind of attachment differs by: its checks, its row, and what the audit names. */
export interface Placement<R extends AttachmentRow, H> {
  /** Throws when the file may not go there (role, scope, the holder's state); else the holder. */
  check(): Promise<H>;
  /**
   * Records the kept file against its holder, inside the transaction: `kept` holds what every
   * attachment row has (conference, the file's facts, who added it and when).
   */
  insert(tx: Ctx, kept: Kept, holder: H): Promise<R>;
  action: string;
  subjectType: string;
  subjectId: string;
  /** Facts of the row the audit adds to the file's own. */
  details?(row: R): Record<string, unknown>;
}

/**
 * Every attachment verb's one path: checked before a byte is kept (a refused upload is only
 * drained, so the request can still be answered), then through the one gate on size and type,
 * then recorded with its audit entry in one transaction.
 */
export async function keepAttachment<R extends AttachmentRow, H>(
  ctx: Ctx,
  upload: Upload,
  store: AttachmentStore,
  placement: Placement<R, H>,
): Promise<Attachment> {
  let holder: H;
  try {
    holder = await placement.check();
  } catch (e) {
    refuseUpload(upload);
    throw e;
  }
  const file = await receiveUpload(store, upload);
  return withTransaction(ctx, async (tx) => {
    const kept = { conferenceId: ctx.conferenceId, ...file, ...uploader(ctx) };
    const row = await placement.insert(tx, kept, holder);
    await appendAudit(tx, {
      action: placement.action,
      subjectType: placement.subjectType,
      subjectId: placement.subjectId,
      payload: {
        attachmentId: row.id,
        ...placement.details?.(row),
        sha256: row.sha256,
        size: row.size,
        mediaType: row.mediaType,
      },
    });
    return toAttachment(row);
  });
}
