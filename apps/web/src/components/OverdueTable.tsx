import type { OverdueItem } from '@lianxi/domain';
import { Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { formatTime, LEVEL_LABELS } from '../lib/format';
import { ColourTag, StatusTag } from './tags';

/** The overdue board's rows, worst first as the API sorts them, each tinted by its colour. */
export function OverdueTable({ items }: { items: OverdueItem[] }) {
  return (
    <div data-testid="overdue-table">
      <Table<OverdueItem>
        rowKey="taskId"
        size="middle"
        dataSource={items}
        pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 960 }}
        rowClassName={(r) => `lx-row-${r.colour}`}
        onRow={(r) => ({ 'data-task-id': r.taskId, 'data-colour': r.colour }) as object}
        locale={{ emptyText: <Empty description="没有逾期事项" /> }}
        columns={[
          {
            title: '等级',
            dataIndex: 'colour',
            width: 110,
            render: (_, r) => (
              <ColourTag colour={r.colour} label={LEVEL_LABELS[r.escalationLevel] ?? undefined} />
            ),
          },
          { title: '编号', dataIndex: 'serial', width: 150, responsive: ['sm'] },
          {
            title: '标题',
            dataIndex: 'title',
            render: (title: string, r) => <Link to={`/tasks/${r.taskId}`}>{title}</Link>,
          },
          { title: '承办单位', dataIndex: 'unitName', width: 160 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 110,
            render: (_, r) => (
              <>
                <StatusTag status={r.status} />
                {r.owedBy === 'office' && <Tag color="gold">打传办逾期未办</Tag>}
              </>
            ),
          },
          {
            title: '办理期限',
            dataIndex: 'dueAt',
            width: 190,
            render: (v: string) => formatTime(v),
          },
          {
            title: '督办件',
            dataIndex: 'caseId',
            width: 110,
            render: (caseId: string | null, r) =>
              caseId ? (
                <Link to={`/supervision/cases/${caseId}`}>查看督办件</Link>
              ) : r.redFlag ? (
                <Tag color="red">挂牌</Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </div>
  );
}
