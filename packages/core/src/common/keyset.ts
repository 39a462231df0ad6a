import { and, type Column, eq, lt, or, type Placeholder, type SQL } from 'drizzle-orm';
import { decodeTimeCursor, encodeCursor } from './cursor.js';

/** Rows after the cursor in newest-first (time, id) order. */
export function olderThan(cursor: string, time: Column, id: Column): SQL {
  const key = decodeTimeCursor(cursor);
  return olderThanKey(time, id, key.at, key.id);
}

/** The same for a key given as values, or as placeholders of a prepared statement. */
export const olderThanKey = (
  time: Column,
  id: Column,
  at: Date | Placeholder,
  keyId: string | Placeholder,
): SQL => or(lt(time, at), and(eq(time, at), lt(id, keyId)))!;

/** The page of `limit` rows out of `limit + 1` fetched, and the cursor to the next one. */
export function timePage<R, T>(
  rows: R[],
  limit: number,
  view: (row: R) => T,
  key: (row: R) => [Date, string],
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  if (rows.length <= limit || !last) return { items: page.map(view), nextCursor: null };
  const [at, id] = key(last);
  return { items: page.map(view), nextCursor: encodeCursor([at.toISOString(), id]) };
}
