import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The page sizes every list offers (antd Table's size changer). */
export const PAGE_SIZES = [10, 20, 50, 100];

export interface UrlFilters<K extends string> {
  /** the filters in the URL, absent ones left out */
  filters: Partial<Record<K, string>>;
  page: number;
  pageSize: number;
  /** `key` ascending, `-key` descending, as the API's `sort` */
  sort: string | undefined;
  /** set or clear filters (undefined / '' clears); back to page 1 */
  setFilters(next: Partial<Record<K, string | undefined>>): void;
  setPage(page: number, pageSize: number): void;
  setSort(sort: string | undefined): void;
  reset(): void;
  /** the query the list's API takes: filters, offset, limit and sort */
  apiQuery: Record<string, string | number | undefined>;
}

/**
 * A list's filters, page, page size and sort kept in the URL's query string, so a reload,
 * the back button and a shared link all show the same rows. Each change is a history entry
 * (back undoes a search); anything in the URL outside `keys` (a tab) is left alone.
 */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
  { pageSize: defaultSize = 20 }: { pageSize?: number } = {},
): UrlFilters<K> {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const k of keys) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
    // keys are a constant of the page: only the URL changes what is read
  }, [params]);
  const page = positive(params.get('page')) ?? 1;
  const size = positive(params.get('size'));
  const pageSize = size && PAGE_SIZES.includes(size) ? size : defaultSize;
  const sort = params.get('sort') ?? undefined;

  const update = useCallback(
    (change: (p: URLSearchParams) => void) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      }),
    [setParams],
  );

  return {
    filters,
    page,
    pageSize,
    sort,
    setFilters: (next) =>
      update((p) => {
        for (const [k, v] of Object.entries(next) as [string, string | undefined][]) {
          if (v === undefined || v === '') p.delete(k);
          else p.set(k, v);
        }
        p.delete('page');
      }),
    setPage: (nextPage, nextSize) =>
      update((p) => {
        // a new page size starts again at page 1, as antd's own pager does
        const resized = nextSize !== pageSize;
        setOrDelete(p, 'page', resized || nextPage <= 1 ? undefined : String(nextPage));
        setOrDelete(p, 'size', nextSize === defaultSize ? undefined : String(nextSize));
      }),
    setSort: (nextSort) =>
      update((p) => {
        setOrDelete(p, 'sort', nextSort);
        p.delete('page');
      }),
    reset: () =>
      update((p) => {
        for (const k of [...keys, 'page', 'sort']) p.delete(k);
      }),
    apiQuery: { ...filters, offset: (page - 1) * pageSize, limit: pageSize, sort },
  };
}

function positive(v: string | null): number | undefined {
  const n = Number(v);
  return v && Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}

function setOrDelete(p: URLSearchParams, key: string, value: string | undefined) {
  if (value === undefined) p.delete(key);
  else p.set(key, value);
}

/** antd Table's sorter as the API's `sort`, and back for the column's arrow. */
export function sortFromTable(sorter: unknown): string | undefined {
  const s = (Array.isArray(sorter) ? sorter[0] : sorter) as
    | {
        columnKey?: string | number;
        field?: string | string[];
        order?: 'ascend' | 'descend' | null;
      }
    | undefined;
  const key = s?.columnKey ?? (Array.isArray(s?.field) ? s?.field.join('.') : s?.field);
  if (!s?.order || key === undefined) return undefined;
  return s.order === 'descend' ? `-${key}` : String(key);
}

export function sortOrderOf(sort: string | undefined, key: string): 'ascend' | 'descend' | null {
  if (sort === key) return 'ascend';
  if (sort === `-${key}`) return 'descend';
  return null;
}
