import { type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';

/**
 * Where a handle's statements run: the transaction's own connection, or the pool. Set by
 * `openDatabase` and the transaction runner for every handle they make.
 */
const connections = new WeakMap<object, pg.Pool | pg.PoolClient>();

export function registerConnection(handle: object, connection: pg.Pool | pg.PoolClient): void {
  connections.set(handle, connection);
}

/** Values come back as the query builder reads them: times, dates and intervals as text. */
const RAW_TYPES = new Set([
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1231, // numeric[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1182, // date[]
]);
const builderTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    RAW_TYPES.has(oid) ? (v: string) => v : pg.types.getTypeParser(oid, format)) as never,
};

const dialect = new PgDialect();

export interface FixedStatement<V extends string> {
  name: string;
  /** Planned afresh on every run, with its values: see `fixedStatement`'s `planEachRun`. */
  planEachRun: boolean;
  text: string;
  /** For each `$n`, the name of the value that fills it. */
  order: V[];
}

/**
 * A statement whose text never changes, built once from a query written with
 * `sql.placeholder(name)` for every value, then run by name on the caller's connection:
 * neither the query builder nor PostgreSQL's parser redo their work per call. Made for the
 * writes every change repeats (audit links, inbox notices, timeline entries), where
 * building the statement cost more than running it.
 *
 * A named statement runs on a plan made once for any values, from the table's statistics
 * at the time; `planEachRun` is for reads whose best plan depends on how much the table
 * holds (the audit chain's head: planned while the log was nearly empty, a scan of the
 * whole log grew slower with every link).
 */
export function fixedStatement<V extends string>(
  name: string,
  query: SQL,
  opts: { planEachRun?: boolean } = {},
): FixedStatement<V> {
  const built = dialect.sqlToQuery(query);
  const order = built.params.map((p) => {
    const placeholder = p as { name?: unknown };
    if (typeof placeholder?.name !== 'string') {
      throw new Error(`${name}: every value must be a placeholder`);
    }
    return placeholder.name as V;
  });
  return { name, planEachRun: opts.planEachRun ?? false, text: built.sql, order };
}

/** Runs a fixed statement with its values; answers the raw rows (see `rowsOf`). */
export async function runFixed<V extends string>(
  handle: object,
  statement: FixedStatement<V>,
  values: Record<V, unknown>,
): Promise<Record<string, unknown>[]> {
  const connection = connections.get(handle);
  if (!connection) throw new Error(`${statement.name}: not a handle of openDatabase`);
  const result = await connection.query<Record<string, unknown>>({
    name: statement.planEachRun ? undefined : statement.name,
    text: statement.text,
    values: statement.order.map((key) => values[key]),
    types: builderTypes,
  });
  return result.rows;
}
