import { App } from 'antd';
import { useCallback } from 'react';
import { isApiError } from '../api/client';

/** Shows a failed call the way the API explains it: title as heading, detail as text. */
export function useErrorNotice() {
  const { notification } = App.useApp();
  return useCallback(
    (error: unknown, extra: string[] = []) => {
      const title = isApiError(error) ? error.problem.title : '操作失败';
      const detail = isApiError(error) ? error.problem.detail : String(error);
      notification.error({
        title,
        description: [detail, ...extra].filter(Boolean).join('；'),
        placement: 'topRight',
      });
    },
    [notification],
  );
}
