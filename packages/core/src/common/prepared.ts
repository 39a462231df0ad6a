import type { Db } from '@lianxi/db';

/**
 * A query built once per shape (which of its optional parts it has) and per database
 * handle, and run as a named statement, so neither the query builder nor PostgreSQL's
 * parser and planner repeat their work on every request of a busy list. Values go in as
 * placeholders. The statement's name carries the shape as a bit mask of its flags in the
 * order given, so no two texts share a name.
 */
export function preparedByShape<S extends Record<string, boolean>, Q>(
  name: string,
  build: (db: Db, statement: string, shape: S) => Q,
) {
  const byDb = new WeakMap<Db, Map<number, Q>>();
  return (db: Db, shape: S): Q => {
    const mask = Object.values(shape).reduce((m, on, i) => (on ? m | (1 << i) : m), 0);
    let built = byDb.get(db);
    if (!built) byDb.set(db, (built = new Map()));
    let query = built.get(mask);
    if (!query) built.set(mask, (query = build(db, `${name}_${mask}`, shape)));
    return query;
  };
}
