import { Button } from 'antd';

interface Paged {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): unknown;
}

/** 加载更多 under a list that pages with a cursor; nothing once the last page is in. */
export function LoadMore({ query, testId }: { query: Paged; testId: string }) {
  if (!query.hasNextPage) return null;
  return (
    <div style={{ textAlign: 'center', marginTop: 12 }}>
      <Button
        onClick={() => query.fetchNextPage()}
        loading={query.isFetchingNextPage}
        data-testid={testId}
      >
        加载更多
      </Button>
    </div>
  );
}
