import { TASK_STATUS_LABELS } from '@lianxi/domain';
import { Card } from 'antd';
import { taskExportPath, useTaskList } from '../../api/tasks';
import { ExportButton } from '../../components/ExportButton';
import { QueryState } from '../../components/QueryState';
import { SearchBar, type SearchField } from '../../components/SearchBar';
import { LEVEL_OPTIONS, options, useUnitField } from '../../components/search-fields';
import { TaskTable } from '../../components/TaskTable';
import { useUrlFilters } from '../../lib/url-filters';

const FILTERS = [
  'q',
  'unitId',
  'status',
  'level',
  'dueFrom',
  'dueTo',
  'issuedFrom',
  'issuedTo',
] as const;

/** All tasks of the conference, searched and paged by the server; the filters live in the URL. */
export default function TasksPage() {
  const list = useUrlFilters(FILTERS);
  const query = useTaskList(list.apiQuery);
  const unitField = useUnitField();
  const fields: SearchField[] = [
    { kind: 'text', name: 'q', placeholder: '编号 / 标题' },
    unitField,
    { kind: 'select', name: 'status', placeholder: '状态', options: options(TASK_STATUS_LABELS) },
    { kind: 'select', name: 'level', placeholder: '督办等级', options: LEVEL_OPTIONS, width: 160 },
    { kind: 'dates', from: 'dueFrom', to: 'dueTo', placeholder: ['期限自', '期限至'] },
    { kind: 'dates', from: 'issuedFrom', to: 'issuedTo', placeholder: ['下发自', '下发至'] },
  ];
  return (
    <Card
      title="全部任务"
      extra={
        <ExportButton
          path={taskExportPath(list.apiQuery)}
          fileName="任务台账.xlsx"
          testId="tasks-export"
        />
      }
    >
      <SearchBar
        fields={fields}
        values={list.filters}
        onSearch={list.setFilters}
        onReset={list.reset}
      />
      <QueryState {...query}>
        {(page) => (
          <TaskTable
            tasks={page.items}
            testId="task-list"
            loading={query.isFetching}
            paging={{
              page: list.page,
              pageSize: list.pageSize,
              total: page.total ?? page.items.length,
              onChange: list.setPage,
              sort: list.sort,
              onSort: list.setSort,
            }}
          />
        )}
      </QueryState>
    </Card>
  );
}
