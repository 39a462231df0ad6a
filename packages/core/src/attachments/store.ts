import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where evidence lives: `<dataDir>/attachments/<ab>/<sha256>`, each distinct file once. */
export interface AttachmentStore {
  dir: string;
}

export const attachmentStore = (dataDir: string): AttachmentStore => ({
  dir: join(dataDir, 'attachments'),
});

export const storedPath = (store: AttachmentStore, sha256: string) =>
  join(store.dir, sha256.slice(0, 2), sha256);

export interface StagedUpload {
  tempPath: string;
  sha256: string;
  size: number;
  /** As the content says, not as the sender claims; undefined when unrecognised. */
  mediaType: string | undefined;
}

/**
 * Writes an upload to a private temporary file, hashing it on the way, and reads its type
 * from its first bytes. `truncated()` tells whether the transport cut it at the limit.
 */
export async function stageUpload(store: AttachmentStore, source: Readable): Promise<StagedUpload> {
  const tmp = join(store.dir, 'tmp');
  await mkdir(tmp, { recursive: true });
  const tempPath = join(tmp, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, count, createWriteStream(tempPath, { mode: 0o600 }));
    // loaded with the first upload, not with the service
    const { fileTypeFromFile } = await import('file-type');
    const type = await fileTypeFromFile(tempPath);
    return { tempPath, sha256: hash.digest('hex'), size, mediaType: type?.mime };
  } catch (e) {
    await rm(tempPath, { force: true });
    throw e;
  }
}

export const discardUpload = (staged: Pick<StagedUpload, 'tempPath'>) =>
  rm(staged.tempPath, { force: true });

/** Moves a checked upload to its content address; a file already there is kept as it is. */
export async function keepUpload(store: AttachmentStore, staged: StagedUpload): Promise<void> {
  const target = storedPath(store, staged.sha256);
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (exists) return discardUpload(staged);
  await mkdir(join(store.dir, staged.sha256.slice(0, 2)), { recursive: true });
  await rename(staged.tempPath, target);
}
