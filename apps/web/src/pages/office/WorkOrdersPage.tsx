import type { WorkOrderListItem } from '@lianxi/domain';
import { Button, Card, Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useWorkOrders } from '../../api/queries';
import { isOffice, useMe } from '../../auth';
import { QueryState } from '../../components/QueryState';
import { formatTime, ORDER_STATUS_LABELS, PRIORITY_LABELS } from '../../lib/format';

const ORDER_COLOURS = { open: 'processing', closed: 'success', withdrawn: 'default' } as const;

export default function WorkOrdersPage() {
  const me = useMe();
  const query = useWorkOrders();
  return (
    <Card
      title="交办单"
      extra={
        isOffice(me.role) && (
          <Link to="/work-orders/new">
            <Button type="primary">下发交办单</Button>
          </Link>
        )
      }
    >
      <QueryState {...query}>
        {(page) => (
          <div data-testid="work-order-list">
            <Table<WorkOrderListItem>
              rowKey="id"
              dataSource={page.items}
              scroll={{ x: 820 }}
              pagination={page.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              locale={{ emptyText: <Empty description="暂无交办单" /> }}
              columns={[
                { title: '编号', dataIndex: 'serial', width: 150 },
                {
                  title: '标题',
                  dataIndex: 'title',
                  render: (t: string, o) => <Link to={`/work-orders/${o.id}`}>{t}</Link>,
                },
                {
                  title: '紧急程度',
                  dataIndex: 'priority',
                  width: 90,
                  render: (p: WorkOrderListItem['priority']) => (
                    <Tag color={p === 'urgent' ? 'volcano' : 'default'}>{PRIORITY_LABELS[p]}</Tag>
                  ),
                },
                {
                  title: '状态',
                  dataIndex: 'status',
                  width: 90,
                  render: (s: WorkOrderListItem['status']) => (
                    <Tag color={ORDER_COLOURS[s]}>{ORDER_STATUS_LABELS[s]}</Tag>
                  ),
                },
                { title: '下发时间', dataIndex: 'issuedAt', width: 190, render: formatTime },
                { title: '办理期限', dataIndex: 'dueAt', width: 190, render: formatTime },
              ]}
            />
          </div>
        )}
      </QueryState>
    </Card>
  );
}
