import type { Db } from '@lianxi/db';
import { dayAfter, dayStart } from '@lianxi/domain';
import { and, asc, type Column, count, desc, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgSelect, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import { olderThan, timePage } from './keyset.js';

/** The paging fields every searchable list takes (README "Lists"). */
export interface ListPaging {
  limit: number;
  cursor?: string;
  offset?: number;
  sort?: string;
}

/** A keyword as an ILIKE pattern: the clerk's % and _ are letters, not wildcards. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Any of the columns contains the keyword. */
export const keywordIn = (q: string, columns: (Column | SQL)[]): SQL =>
  or(...columns.map((c) => ilike(c as Column, likePattern(q))))!;

/** Beijing days `from`..`to`, both included, of an instant column. */
export function dayRange(column: Column, from?: string, to?: string): SQL[] {
  const where: SQL[] = [];
  if (from) where.push(gte(column, dayStart(from)));
  if (to) where.push(lt(column, dayAfter(to)));
  return where;
}

export interface ListParts<R, T> {
  /** rows matching `where` in `order`, `limit` of them from `offset` */
  rows(where: SQL, order: SQL[], limit: number, offset: number): Promise<R[]>;
  /** how many rows match `where` (the same scoped filters) */
  count(where: SQL): Promise<number>;
  /** the newest-first key the cursor pages by */
  time: Column;
  id: Column;
  key(row: R): [Date, string];
  /** the columns a `sort` key orders by */
  sorts: Record<string, Column | SQL>;
  view(row: R): T;
}

/** The `rows` and `count` of a list read from one table alone, with no join. */
export function fromTable<T extends PgTable>(db: Db, table: T) {
  return {
    rows: (where: SQL, order: SQL[], limit: number, offset: number) =>
      db
        .select()
        .from(table as PgTable)
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset) as Promise<T['$inferSelect'][]>,
    count: async (where: SQL) => {
      const [row] = await db
        .select({ n: count() })
        .from(table as PgTable)
        .where(where);
      return row.n;
    },
  };
}

/**
 * The `rows` and `count` of a list read from a table and its inner joins: the same joins
 * serve the page and its total, so the total counts what the pages show. (A left join would
 * make its columns nullable, which the row type here does not say.)
 */
export function fromJoined<C extends SelectedFields>(
  db: Db,
  table: PgTable,
  columns: C,
  joins: (q: PgSelect) => PgSelect,
) {
  return {
    rows: (where: SQL, order: SQL[], limit: number, offset: number) =>
      joins(db.select(columns).from(table).$dynamic() as unknown as PgSelect)
        .where(where)
        .orderBy(...order)
        .limit(limit)
        .offset(offset) as unknown as Promise<SelectResultFields<C>[]>,
    count: async (where: SQL) => {
      const rows = (await joins(db.select({ n: count() }).from(table).$dynamic()).where(
        where,
      )) as unknown as { n: number }[];
      return rows[0].n;
    },
  };
}

/**
 * One page of a list whose filters are already in `where` (with the caller's scope): by
 * cursor, newest first, as clients always had; or by number (`offset`, or a `sort`), with
 * `total` counted under the same conditions and no cursor.
 */
export async function listPage<R, T>(
  query: ListPaging,
  where: SQL[],
  parts: ListParts<R, T>,
): Promise<{ items: T[]; nextCursor: string | null; total?: number }> {
  const newest = [desc(parts.time), desc(parts.id)];
  if (query.offset === undefined && query.sort === undefined) {
    const all = and(
      ...where,
      ...(query.cursor ? [olderThan(query.cursor, parts.time, parts.id)] : []),
    )!;
    const rows = await parts.rows(all, newest, query.limit + 1, 0);
    return timePage(rows, query.limit, parts.view, parts.key);
  }
  const filter = and(...where)!;
  const order = query.sort ? [sortBy(query.sort, parts.sorts), ...newest] : newest;
  const [rows, total] = [
    await parts.rows(filter, order, query.limit, query.offset ?? 0),
    await parts.count(filter),
  ];
  return { items: rows.map(parts.view), nextCursor: null, total };
}

/** `key` ascending or `-key` descending; rows without a value come last either way. */
export function sortBy(sort: string, sorts: Record<string, Column | SQL>): SQL {
  const descending = sort.startsWith('-');
  const column = sorts[descending ? sort.slice(1) : sort];
  // the schema admits only known keys; an unknown one here is a programming error
  if (!column) throw new RangeError(`sort ${sort}`);
  const ordered = descending ? desc(column) : asc(column);
  return sql`${ordered} nulls last`;
}
