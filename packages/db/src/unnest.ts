import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

type ValuesOf<C extends Record<string, AnyPgColumn>> = {
  [K in keyof C]: C[K]['_']['data'] | null;
};

/**
 * A PostgreSQL array literal with every element quoted, built in one join: the driver's
 * own array serialisation concatenates element by element, and for a batch's thousands of
 * values that garbage was the largest allocation of a deadline sweep.
 */
function arrayLiteral(values: unknown[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      parts[i] = 'NULL';
      continue;
    }
    const text =
      typeof value === 'string'
        ? value
        : value instanceof Date
          ? value.toISOString()
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value);
    const plain = text.indexOf('"') === -1 && text.indexOf('\\') === -1;
    parts[i] = `"${plain ? text : text.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `{${parts.join(',')}}`;
}

/**
 * Many rows as one array parameter per column: `SELECT … FROM unnest($1::uuid[], …) AS
 * v(id, …)`, in the order given. A batch of a thousand rows then costs a handful of
 * parameters, where a VALUES list costs one per value — building, sending and planning
 * those dominated bulk writes.
 * Values go through each column's own driver mapping, so they are stored exactly as the
 * query builder would store them.
 *
 * Use `names` as the INSERT's column list and `rows` as its SELECT, or `(rows) AS v` as an
 * UPDATE's FROM (v's columns carry the table's column names).
 */
export function unnestRows<C extends Record<string, AnyPgColumn>>(
  columns: C,
  rows: ValuesOf<C>[],
): { names: SQL; rows: SQL } {
  const keys = Object.keys(columns) as (keyof C & string)[];
  const quoted = keys.map((k) => `"${columns[k].name}"`).join(', ');
  const arrays = keys.map((k) => {
    const column = columns[k];
    const values = rows.map((row) => {
      const value = row[k];
      return value === null || value === undefined ? null : column.mapToDriverValue(value);
    });
    return sql`${sql.param(arrayLiteral(values))}::${sql.raw(column.getSQLType())}[]`;
  });
  return {
    names: sql.raw(`(${quoted})`),
    // in the arrays' order, so serial ids follow the rows as given
    rows: sql`SELECT ${sql.raw(quoted)} FROM unnest(${sql.join(arrays, sql`, `)})
                WITH ORDINALITY AS v(${sql.raw(quoted)}, row_number) ORDER BY row_number`,
  };
}
