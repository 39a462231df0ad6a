import { Button } from 'antd';
import type { ReactNode } from 'react';
import { QueryState } from './QueryState';

/** What a list that pages with a cursor gives (an infinite query over `{ items }` pages). */
interface PagedQuery<T> {
  data?: { pages: { items: T[] }[] };
  error: unknown;
  isPending: boolean;
  refetch(): unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): unknown;
}

/**
 * A paged list: its loading and error states, the rows loaded so far, and 加载更多 under
 * them until the last page is in.
 */
export function PagedList<T>({
  query,
  moreTestId,
  children,
}: {
  query: PagedQuery<T>;
  moreTestId: string;
  children: (items: T[]) => ReactNode;
}) {
  return (
    <QueryState
      data={query.data?.pages.flatMap((p) => p.items)}
      error={query.error}
      isPending={query.isPending}
      refetch={query.refetch}
    >
      {(items) => (
        <>
          {children(items)}
          {query.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Button
                onClick={() => query.fetchNextPage()}
                loading={query.isFetchingNextPage}
                data-testid={moreTestId}
              >
                加载更多
              </Button>
            </div>
          )}
        </>
      )}
    </QueryState>
  );
}
