import type { Readable } from 'node:stream';
import { AppError, ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '@lianxi/domain';
import { type AttachmentStore, discardUpload, keepUpload, stageUpload } from './store.js';

export interface Upload {
  fileName: string;
  stream: Readable;
  /** Whether the transport stopped reading at the size limit. */
  truncated(): boolean;
}

/** What a kept upload is: the file's facts, ready to be recorded against its holder. */
export interface ReceivedFile {
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
}

/** A name safe to show and to send back in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f').join('');
  return clean.trim().slice(0, 200) || '附件';
}

/** Reads and drops an upload that will not be kept, so the request can still be answered. */
export const refuseUpload = (upload: Upload) => {
  upload.stream.resume();
};

/**
 * The one gate every attachment passes, whatever it is attached to: over the limit or of
 * a type evidence may not be (judged by content, never by name), nothing is kept.
 */
export async function receiveUpload(store: AttachmentStore, upload: Upload): Promise<ReceivedFile> {
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
  return {
    sha256: staged.sha256,
    size: staged.size,
    mediaType,
    fileName: cleanFileName(upload.fileName),
  };
}
