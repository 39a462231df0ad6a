import { AppError } from '@lianxi/domain';

/**
 * Opaque keyset cursors: the last row's sort key, base64url-encoded JSON. Clients pass them
 * back unchanged; anything that does not decode to the key the list sorts by is the
 * client's mistake, answered 400, never passed on to a query.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const invalid = () =>
  new AppError('invalid_input', '分页游标无效', {
    errors: [{ field: 'querystring.cursor', message: '分页游标无效' }],
  });

function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
}

/** A cursor on a numeric id (the logs). */
export function decodeIdCursor(cursor: string): number {
  const key = decode(cursor);
  if (Array.isArray(key) && key.length === 1 && Number.isSafeInteger(key[0])) return key[0];
  throw invalid();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor on (time, uuid), the order of every list sorted newest first. */
export function decodeTimeCursor(cursor: string): { at: Date; id: string } {
  const key = decode(cursor);
  if (
    Array.isArray(key) &&
    key.length === 2 &&
    typeof key[0] === 'string' &&
    typeof key[1] === 'string'
  ) {
    const at = new Date(key[0]);
    if (!Number.isNaN(at.getTime()) && UUID.test(key[1])) return { at, id: key[1] };
  }
  throw invalid();
}
