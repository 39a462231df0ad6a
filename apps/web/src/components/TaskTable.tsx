import type { TaskSummary } from '@lianxi/domain';
import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useUnitNames } from '../api/units';
import { ASSIGNMENT_LABELS } from '../lib/format';
import { sortFromTable, sortOrderOf } from '../lib/url-filters';
import { useFromList } from './Breadcrumbs';
import { serverPagination, type ServerPaging } from './server-table';
import { colourOfLevel, Deadline, EscalationTag, StatusTag } from './tags';

interface Props {
  tasks: TaskSummary[];
  showUnit?: boolean;
  loading?: boolean;
  empty?: string;
  testId?: string;
  paging?: ServerPaging;
  /** the list's name in the detail page's breadcrumbs */
  listTitle?: string;
}

export function TaskTable({
  tasks,
  showUnit = true,
  loading,
  empty = '暂无任务',
  testId,
  paging,
  listTitle = '全部任务',
}: Props) {
  const unitName = useUnitNames();
  const from = useFromList(listTitle);
  const sortable = (key: string) =>
    paging?.onSort ? { sorter: true, sortOrder: sortOrderOf(paging.sort, key) } : {};
  const columns: ColumnsType<TaskSummary> = [
    { title: '编号', dataIndex: 'serial', width: 170, responsive: ['sm'] },
    {
      title: '标题',
      dataIndex: 'title',
      ellipsis: { showTitle: false },
      render: (title: string, t) => (
        <Typography.Text ellipsis={{ tooltip: title }} style={{ maxWidth: '100%' }}>
          <Link to={`/tasks/${t.id}`} state={from} data-testid="task-link">
            {title}
          </Link>
        </Typography.Text>
      ),
    },
    ...(showUnit
      ? [
          {
            title: '承办单位',
            key: 'unit',
            width: 130,
            render: (_: unknown, t: TaskSummary) => unitName(t.unitId),
          },
        ]
      : []),
    {
      title: '方式',
      dataIndex: 'role',
      width: 76,
      responsive: ['md'],
      render: (r: TaskSummary['role']) => (
        <Tag color={r === 'lead' ? 'red' : 'default'}>{ASSIGNMENT_LABELS[r]}</Tag>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 96,
      render: (_: unknown, t) => <StatusTag status={t.status} />,
    },
    {
      title: '办理期限',
      key: 'dueAt',
      dataIndex: 'dueAt',
      width: 230,
      ...sortable('dueAt'),
      render: (_: unknown, t) => (
        <Deadline status={t.status} dueAt={t.dueAt} level={t.escalationLevel} />
      ),
    },
    {
      title: '督办',
      key: 'level',
      dataIndex: 'escalationLevel',
      width: 110,
      ...sortable('level'),
      render: (level: number) => <EscalationTag level={level} />,
    },
  ];
  return (
    <div data-testid={testId}>
      <Table<TaskSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={tasks}
        loading={loading}
        tableLayout="fixed"
        scroll={{ x: 860 }}
        pagination={
          paging
            ? serverPagination(paging)
            : tasks.length > 20
              ? { pageSize: 20, showSizeChanger: false }
              : false
        }
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action === 'sort') paging?.onSort?.(sortFromTable(sorter));
        }}
        rowClassName={(t) => {
          const colour = colourOfLevel(t.escalationLevel);
          return colour ? `lx-row-${colour}` : '';
        }}
        locale={{ emptyText: <Empty description={empty} /> }}
      />
    </div>
  );
}
