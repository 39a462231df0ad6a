import { Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { UrlFilters } from '../lib/url-filters';
import { QueryState } from './QueryState';
import { SearchBar, type SearchField } from './SearchBar';
import { urlTableProps } from './server-table';

export interface SearchableListProps<T, K extends string> {
  list: UrlFilters<K>;
  fields: SearchField[];
  query: {
    data: { items: T[]; total?: number } | undefined;
    error: unknown;
    isPending: boolean;
    isFetching: boolean;
    refetch: () => unknown;
  };
  columns: ColumnsType<T>;
  /** the table's data-testid */
  testId: string;
  empty: ReactNode;
  /** the width below which the table scrolls sideways (a phone) */
  scrollX: number;
  rowKey?: string;
  rowClassName?: (row: T) => string;
  /** above the table, below the search bar (a bulk action) */
  toolbar?: (page: { items: T[]; total?: number }) => ReactNode;
}

/**
 * A searchable list as every list page shows it: the search bar over a table paged, sized and
 * sorted by the server, all of it kept in the URL.
 */
export function SearchableList<T extends object, K extends string>({
  list,
  fields,
  query,
  columns,
  testId,
  empty,
  scrollX,
  rowKey = 'id',
  rowClassName,
  toolbar,
}: SearchableListProps<T, K>) {
  return (
    <>
      <SearchBar
        fields={fields}
        values={list.filters}
        onSearch={list.setFilters}
        onReset={list.reset}
      />
      <QueryState {...query}>
        {(page) => (
          <>
            {toolbar?.(page)}
            <Table<T>
              data-testid={testId}
              rowKey={rowKey}
              dataSource={page.items}
              loading={query.isFetching}
              tableLayout="fixed"
              scroll={{ x: scrollX }}
              rowClassName={rowClassName}
              {...urlTableProps(list, page)}
              locale={{
                emptyText: typeof empty === 'string' ? <Empty description={empty} /> : empty,
              }}
              columns={columns}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
