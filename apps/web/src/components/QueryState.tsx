import { Alert, Button, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiError, isNotFound } from '../api/client';

interface Props<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch?: () => unknown;
  /** Shown for a 404, which the API also answers for rows outside the caller's scope. */
  notFoundTitle?: string;
  children: (data: T) => ReactNode;
}

/** Loading, error and not-found states in one place, so every page handles all three. */
export function QueryState<T>({
  data,
  error,
  isPending,
  refetch,
  notFoundTitle,
  children,
}: Props<T>) {
  if (error && isNotFound(error) && notFoundTitle) {
    return (
      <Result
        status="404"
        title={notFoundTitle}
        subTitle="该记录不存在，或不在您的查看范围内。"
        extra={
          <Link to="/">
            <Button type="primary">返回首页</Button>
          </Link>
        }
        data-testid="not-found"
      />
    );
  }
  if (error && data === undefined) {
    return (
      <Alert
        type="error"
        showIcon
        title={isApiError(error) ? error.problem.title : '加载失败'}
        description={isApiError(error) ? error.problem.detail : String(error)}
        action={refetch ? <Button onClick={() => refetch()}>重试</Button> : undefined}
        data-testid="load-error"
      />
    );
  }
  if (isPending || data === undefined) {
    return <Skeleton active paragraph={{ rows: 6 }} data-testid="loading" />;
  }
  return <>{children(data)}</>;
}
