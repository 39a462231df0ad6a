import type { Db } from '@lianxi/db';
import { sql } from 'drizzle-orm';

/**
 * A query built once per shape (which of its optional parts it has, and any sizes written
 * into its text) and per database handle, and run as a named statement, so neither the
 * query builder nor PostgreSQL's parser and planner repeat their work on every request of a
 * busy list. Values go in as placeholders. The statement's name carries the shape: its
 * flags as a bit mask in the order given, then its sizes, so no two texts share a name.
 */
export function preparedByShape<S extends Record<string, boolean | number>, Q>(
  name: string,
  build: (db: Db, statement: string, shape: S) => Q,
) {
  const byDb = new WeakMap<Db, Map<string, Q>>();
  return (db: Db, shape: S): Q => {
    let mask = 0;
    const sizes: number[] = [];
    Object.values(shape).forEach((value, i) => {
      if (typeof value === 'number') sizes.push(value);
      else if (value) mask |= 1 << i;
    });
    const key = [name, mask, ...sizes].join('_');
    let built = byDb.get(db);
    if (!built) byDb.set(db, (built = new Map()));
    let query = built.get(key);
    if (!query) built.set(key, (query = build(db, key, shape)));
    return query;
  };
}

/**
 * A LIMIT written into a prepared statement's text. PostgreSQL plans a LIMIT parameter as
 * a tenth of the rows, which makes the cached plan look dearer than planning afresh with
 * the values, so it would plan the statement again on every run; with the number in the
 * text the cached plan wins after a few runs. Drizzle's `limit` takes SQL where it takes a
 * placeholder, though its type names only numbers and placeholders.
 */
export function limitInText(rows: number): number {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new RangeError(`limit ${rows}`);
  return sql.raw(String(rows)) as unknown as number;
}

/** The sizes a page is fetched in: one statement per step, not per requested size. */
const PAGE_STEPS = [20, 50, 100, 200];

/**
 * Rows to fetch for a page of `limit`: the next step up, plus the one that tells whether a
 * further page exists. The page is cut to `limit` afterwards.
 */
export function rowsForPage(limit: number): number {
  const step = PAGE_STEPS.find((s) => s >= limit) ?? limit;
  return step + 1;
}
