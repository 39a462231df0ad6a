import { type SQL, sql, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { fixedStatement, runFixed } from './statement.js';

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

/** Each column's values, mapped as the query builder would store them, as one array literal. */
function columnArrays<C extends Record<string, AnyPgColumn>>(
  columns: C,
  rows: ValuesOf<C>[],
): Record<keyof C & string, string> {
  const arrays = {} as Record<keyof C & string, string>;
  for (const key of Object.keys(columns) as (keyof C & string)[]) {
    const column = columns[key];
    arrays[key] = arrayLiteral(
      rows.map((row) => {
        const value = row[key];
        return value === null || value === undefined ? null : column.mapToDriverValue(value);
      }),
    );
  }
  return arrays;
}

/** The INSERT's column list and the SELECT over `unnest` of one array per column. */
function unnestSql<C extends Record<string, AnyPgColumn>>(
  columns: C,
  arrayOf: (key: keyof C & string) => SQLWrapper,
): { names: SQL; rows: SQL } {
  const keys = Object.keys(columns) as (keyof C & string)[];
  const quoted = keys.map((k) => `"${columns[k].name}"`).join(', ');
  const arrays = keys.map((k) => sql`${arrayOf(k)}::${sql.raw(columns[k].getSQLType())}[]`);
  return {
    names: sql.raw(`(${quoted})`),
    // in the arrays' order, so serial ids follow the rows as given
    rows: sql`SELECT ${sql.raw(quoted)} FROM unnest(${sql.join(arrays, sql`, `)})
                WITH ORDINALITY AS v(${sql.raw(quoted)}, row_number) ORDER BY row_number`,
  };
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
  const arrays = columnArrays(columns, rows);
  return unnestSql(columns, (key) => sql.param(arrays[key]));
}

/**
 * The same as placeholders `${prefix}${key}`, for a statement built once
 * (`fixedStatement`); `unnestValues` gives the values that fill them.
 */
export function unnestPlaceholders<C extends Record<string, AnyPgColumn>>(
  columns: C,
  prefix: string,
): { names: SQL; rows: SQL } {
  return unnestSql(columns, (key) => sql.placeholder(`${prefix}${key}`));
}

export function unnestValues<C extends Record<string, AnyPgColumn>, P extends string>(
  columns: C,
  prefix: P,
  rows: ValuesOf<C>[],
): Record<`${P}${keyof C & string}`, string> {
  const arrays = columnArrays(columns, rows);
  const values = {} as Record<string, string>;
  for (const key of Object.keys(arrays))
    values[`${prefix}${key}`] = arrays[key as keyof C & string];
  return values as Record<`${P}${keyof C & string}`, string>;
}

/**
 * `INSERT INTO table (columns) SELECT … FROM unnest(…)` with `tail` after it (ON CONFLICT,
 * RETURNING), built once and run by name: the writes every change repeats cost a handful
 * of array values per call, not a statement built afresh.
 */
export function fixedInsert<C extends Record<string, AnyPgColumn>>(
  name: string,
  table: PgTable,
  columns: C,
  tail: SQL = sql``,
) {
  const all = unnestPlaceholders(columns, '');
  const statement = fixedStatement<`${keyof C & string}`>(
    name,
    sql`INSERT INTO ${table} ${all.names} ${all.rows} ${tail}`,
  );
  return (handle: object, rows: ValuesOf<C>[]): Promise<Record<string, unknown>[]> =>
    runFixed(handle, statement, unnestValues(columns, '', rows));
}
