import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';
import { registerConnection } from './statement.js';
import { transactionRunner } from './transaction.js';

export type Schema = typeof schema;
/** A database handle or a transaction on it: verbs accept either. */
export type Db = PgDatabase<NodePgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

// timestamptz and date come back as they are stored; `date` stays a plain YYYY-MM-DD string.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint counts (count(*), bigserial ids) fit in a double for every table this platform holds.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function openDatabase(
  url: string,
  options: { max?: number; connectionTimeoutMillis?: number } = {},
): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000,
    // A request must never hang on a stuck server: statements give up, and the caller answers 503.
    statement_timeout: 30_000,
    application_name: 'lianxi',
  });
  // A client that loses its server emits 'error': while idle on the pool, and while checked
  // out on the client itself. Without a listener either kills the process; the query that
  // was running fails on its own and is answered 503.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = drizzle(pool, { schema });
  // every transaction, whoever opens it, goes through the runner that cannot leak a client
  db.transaction = transactionRunner(pool, schema) as typeof db.transaction;
  registerConnection(db, pool);
  return { db, pool, close: () => pool.end() };
}

export { schema };
