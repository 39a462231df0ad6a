import type { Readable } from 'node:stream';
import {
  AppError,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  type Attachment,
  notFound,
} from '@lianxi/domain';
import { clueAttachments, clues } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { clueScope } from '../clues/view.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { type AttachmentStore, discardUpload, keepUpload, stageUpload } from './store.js';
import { toAttachment } from './view.js';

export interface Upload {
  fileName: string;
  stream: Readable;
  /** Whether the transport stopped reading at the size limit. */
  truncated(): boolean;
}

/** A name safe to show and to send back in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f').join('');
  return clean.trim().slice(0, 200) || '附件';
}

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
    upload.stream.resume();
    throw notFound('线索');
  }
  const staged = await stageUpload(store, upload.stream);
  if (upload.truncated() || staged.size > ATTACHMENT_MAX_BYTES) {
    await discardUpload(staged);
    throw new AppError('too_large', `附件不能超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
  }
  if (!staged.mediaType || !Object.hasOwn(ATTACHMENT_TYPES, staged.mediaType)) {
    await discardUpload(staged);
    throw new AppError(
      'unsupported_type',
      '仅支持图片、PDF、Word/Excel 文档、录音和视频（按文件内容识别）',
    );
  }
  const mediaType = staged.mediaType;
  try {
    await keepUpload(store, staged);
  } catch (e) {
    await discardUpload(staged);
    throw e;
  }
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(clueAttachments)
      .values({
        conferenceId: ctx.conferenceId,
        clueId,
        sha256: staged.sha256,
        size: staged.size,
        mediaType,
        fileName: cleanFileName(upload.fileName),
        uploadedBy: ctx.actor.userId,
        uploadedByUnitId: ctx.actor.role === 'unit' ? ctx.actor.unitId : null,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await appendAudit(tx, {
      action: 'clue.attachment_added',
      subjectType: 'clue',
      subjectId: clueId,
      payload: { attachmentId: row.id, sha256: row.sha256, size: row.size, mediaType },
    });
    return toAttachment(row);
  });
}
