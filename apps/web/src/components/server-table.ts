import type { TablePaginationConfig } from 'antd';
import { PAGE_SIZES, sortFromTable, type UrlFilters } from '../lib/url-filters';

/** A list paged by the server: the page shown, its size and the total the API counted. */
export interface ServerPaging {
  page: number;
  pageSize: number;
  total: number;
  onChange(page: number, pageSize: number): void;
  sort?: string;
  onSort?(sort: string | undefined): void;
}

/** antd's pager for a server-paged list: total, sizes 10/20/50/100, current page. */
export function serverPagination(paging: ServerPaging): TablePaginationConfig {
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total: paging.total,
    pageSizeOptions: PAGE_SIZES,
    showSizeChanger: true,
    showTotal: (total) => `共 ${total} 条`,
    onChange: paging.onChange,
  };
}

/**
 * The pager and sort handler of a list whose page, size and sort live in the URL: one place
 * for what every searchable list page's table does with them.
 */
export function urlTableProps<K extends string>(
  list: UrlFilters<K>,
  page: { items: unknown[]; total?: number },
) {
  return {
    pagination: serverPagination({
      page: list.page,
      pageSize: list.pageSize,
      total: page.total ?? page.items.length,
      onChange: list.setPage,
    }),
    onChange: (_p: unknown, _f: unknown, sorter: unknown, extra: { action: string }) => {
      if (extra.action === 'sort') list.setSort(sortFromTable(sorter));
    },
  };
}
