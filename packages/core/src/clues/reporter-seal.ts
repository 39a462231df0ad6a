import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Reporter } from '@lianxi/domain';
import type { ReporterKeys } from '../config.js';

/**
 * A reporter's identity is stored only sealed: AES-256-GCM under the current key, bound to
 * its conference (additional data), written as base64(iv | tag | ciphertext) beside the
 * key's id so keys can be rotated without losing older seals.
 */
export function sealReporter(
  reporter: Reporter,
  conferenceId: string,
  keys: ReporterKeys,
): { sealed: string; keyId: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.keys.get(keys.current)!, iv);
  cipher.setAAD(Buffer.from(conferenceId));
  const body = Buffer.concat([cipher.update(JSON.stringify(reporter), 'utf8'), cipher.final()]);
  return {
    sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'),
    keyId: keys.current,
  };
}

/** Opens a seal; a missing key or a tampered seal yields null rather than a guess. */
export function openReporter(
  sealed: string,
  keyId: string,
  conferenceId: string,
  keys: ReporterKeys,
): Reporter | null {
  const key = keys.keys.get(keyId);
  if (!key) return null;
  try {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(conferenceId));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString(
      'utf8',
    );
    return JSON.parse(text) as Reporter;
  } catch {
    return null;
  }
}
