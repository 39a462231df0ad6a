import { and, type Column, eq, lt, or, type SQL } from 'drizzle-orm';
import { decodeTimeCursor, encodeCursor } from './cursor.js';

/** Rows after the cursor in newest-first (time, id) order. */
export function olderThan(cursor: string, time: Column, id: Column): SQL {
  const key = decodeTimeCursor(cursor);
  return or(lt(time, key.at), and(eq(time, key.at), lt(id, key.id)))!;
}

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
