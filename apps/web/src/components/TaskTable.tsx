import type { TaskSummary } from '@lianxi/domain';
import { Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useUnitNames } from '../api/queries';
import { ASSIGNMENT_LABELS } from '../lib/format';
import { colourOfLevel, Deadline, EscalationTag, StatusTag } from './tags';

interface Props {
  tasks: TaskSummary[];
  showUnit?: boolean;
  loading?: boolean;
  empty?: string;
  testId?: string;
}

export function TaskTable({ tasks, showUnit = true, loading, empty = '暂无任务', testId }: Props) {
  const unitName = useUnitNames();
  const columns: ColumnsType<TaskSummary> = [
    { title: '编号', dataIndex: 'serial', width: 150, responsive: ['sm'] },
    {
      title: '标题',
      dataIndex: 'title',
      render: (title: string, t) => (
        <Link to={`/tasks/${t.id}`} data-testid="task-link">
          {title}
        </Link>
      ),
    },
    ...(showUnit
      ? [
          {
            title: '承办单位',
            key: 'unit',
            width: 170,
            render: (_: unknown, t: TaskSummary) => unitName(t.unitId),
          },
        ]
      : []),
    {
      title: '方式',
      dataIndex: 'role',
      width: 70,
      render: (r: TaskSummary['role']) => (
        <Tag color={r === 'lead' ? 'red' : 'default'}>{ASSIGNMENT_LABELS[r]}</Tag>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      render: (_: unknown, t) => <StatusTag status={t.status} />,
    },
    {
      title: '办理期限',
      dataIndex: 'dueAt',
      width: 260,
      render: (_: unknown, t) => (
        <Deadline status={t.status} dueAt={t.dueAt} level={t.escalationLevel} />
      ),
    },
    {
      title: '督办',
      dataIndex: 'escalationLevel',
      width: 100,
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
        scroll={{ x: 900 }}
        pagination={tasks.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        rowClassName={(t) => {
          const colour = colourOfLevel(t.escalationLevel);
          return colour ? `lx-row-${colour}` : '';
        }}
        locale={{ emptyText: <Empty description={empty} /> }}
      />
    </div>
  );
}
