import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditBody {
  conferenceId: string;
  at: string;
  actorId: string | null;
  actorRole: string;
  action: string;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  requestId: string | null;
}

/** sha256 over the previous hash and the row's canonical JSON (RFC 8785). */
export function auditHash(prevHash: string, body: AuditBody): string {
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalize(body) ?? '')
    .digest('hex');
}
