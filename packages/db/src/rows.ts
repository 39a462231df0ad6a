import { getTableColumns, type InferSelectModel, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * The table's columns by name, for a statement's RETURNING or SELECT list (`alias.` before
 * each when given). Named, not `*`: a statement prepared by name keeps its result's shape,
 * and PostgreSQL refuses to run it again once a migration has added a column.
 */
export function columnsOf(table: PgTable, alias?: string): SQL {
  const prefix = alias ? `${alias}.` : '';
  return sql.raw(
    Object.values(getTableColumns(table))
      .map((column) => `${prefix}"${column.name}"`)
      .join(', '),
  );
}

/**
 * Rows of `table` as a raw statement returns them (the columns `columnsOf` names, in a
 * statement the query
 * builder cannot express, such as two inserts in one), mapped as the builder maps its own:
 * each column read by its name and through the column's own driver mapping.
 */
export function rowsOf<T extends PgTable>(
  table: T,
  raw: Record<string, unknown>[],
): InferSelectModel<T>[] {
  const columns = Object.entries(getTableColumns(table));
  return raw.map((row) => {
    const mapped: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = row[column.name];
      mapped[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return mapped as InferSelectModel<T>;
  });
}
