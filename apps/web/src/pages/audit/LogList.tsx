import { Card } from 'antd';
import type { ReactNode } from 'react';
import { exportPath } from '../../api/client';
import { ExportButton } from '../../components/ExportButton';
import { SearchableList, type SearchableListProps } from '../../components/SearchableList';

/**
 * 操作日志 and 登录日志: a searchable log with an export of exactly the rows the filters
 * find (all pages, as `<title>.xlsx`).
 */
export function LogList<T extends object, K extends string>({
  title,
  exportFrom,
  exportTestId,
  before,
  ...list
}: SearchableListProps<T, K> & {
  title: string;
  /** the export's API path, given the list's filters */
  exportFrom: string;
  exportTestId: string;
  /** above the search bar */
  before?: ReactNode;
}) {
  return (
    <Card
      title={title}
      extra={
        <ExportButton
          path={exportPath(exportFrom, list.list.apiQuery)}
          fileName={`${title}.xlsx`}
          label="导出"
          testId={exportTestId}
        />
      }
    >
      {before && <div style={{ marginBottom: 12 }}>{before}</div>}
      <SearchableList<T, K> {...list} />
    </Card>
  );
}
