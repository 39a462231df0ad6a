import { getTableColumns, type InferSelectModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * Rows of `table` as a raw statement returns them (`RETURNING *` of a statement the query
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
