import {
  createTableRelationsHelpers,
  extractTablesRelationalConfig,
  type ExtractTablesWithRelations,
  type RelationalSchemaConfig,
} from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type * as schemaModule from './schema/index.js';
import { registerConnection } from './statement.js';

type Schema = typeof schemaModule;
type Tx = NodePgTransaction<Schema, ExtractTablesWithRelations<Schema>>;

/**
 * Transactions that always give their connection back. drizzle's own leaves the client
 * checked out when BEGIN itself fails (the server went away between checkout and BEGIN) and
 * returns a client whose ROLLBACK failed to the pool as if healthy; during a database outage
 * that drains the pool, so the API stays at 503 after the database is back and `end()` never
 * returns. Here a client whose BEGIN, COMMIT or ROLLBACK failed is destroyed, not reused.
 */
export function transactionRunner(pool: pg.Pool, schema: Schema) {
  const dialect = new PgDialect();
  const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  const relational: RelationalSchemaConfig<ExtractTablesWithRelations<Schema>> = {
    fullSchema: schema,
    schema: tables.tables as ExtractTablesWithRelations<Schema>,
    tableNamesMap: tables.tableNamesMap,
  };
  return async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    const control = async (statement: string) => {
      try {
        await client.query(statement);
      } catch (e) {
        broken = e instanceof Error ? e : new Error(String(e));
        throw e;
      }
    };
    try {
      await control('BEGIN');
      const session = new NodePgSession(client, dialect, relational, {});
      const tx = new NodePgTransaction<Schema, ExtractTablesWithRelations<Schema>>(
        dialect,
        session,
        relational,
      );
      registerConnection(tx, client);
      try {
        const result = await fn(tx);
        await control('COMMIT');
        return result;
      } catch (e) {
        if (!broken) await control('ROLLBACK').catch(() => {});
        throw e;
      }
    } finally {
      client.release(broken);
    }
  };
}
