import { AppError } from '@lianxi/domain';

/**
 * Opaque keyset cursors: the last row's sort key, base64url-encoded JSON. Clients pass them
 * back unchanged; anything that does not decode is the client's mistake, not ours.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => typeof k === 'string' || typeof k === 'number')
    ) {
      return key;
    }
  } catch {
    // fall through to the one answer for every malformed cursor
  }
  throw new AppError('invalid_input', '分页游标无效', {
    errors: [{ field: 'cursor', message: '分页游标无效' }],
  });
}
