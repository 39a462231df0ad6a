import type { OrderDownItem } from '@lianxi/domain';
import { Card, Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { formatTime, PRIORITY_LABELS } from '../../lib/format';
import { useOrdersDown } from '../../api/conferences';

/** 向下交办的交办单: what this conference issued below, each opening its progress over the tree. */
export function OrdersDownCard() {
  const query = useOrdersDown();
  return (
    <Card title="向下交办的交办单">
      <QueryState {...query}>
        {({ items }) => (
          <Table<OrderDownItem>
            rowKey="id"
            dataSource={items}
            pagination={false}
            scroll={{ x: 760 }}
            data-testid="orders-down"
            locale={{ emptyText: <Empty description="尚未向下级交办" /> }}
            columns={[
              {
                title: '文号',
                dataIndex: 'serial',
                key: 'serial',
                width: 170,
                render: (serial: string, o) => (
                  <Link to={`/conferences/work-orders/${o.id}`}>{serial}</Link>
                ),
              },
              { title: '标题', dataIndex: 'title', key: 'title', className: 'lx-wrap' },
              {
                title: '紧急程度',
                key: 'priority',
                width: 90,
                render: (_, o) => PRIORITY_LABELS[o.priority],
              },
              {
                title: '办结 / 下级',
                key: 'closed',
                width: 110,
                render: (_, o) => `${o.closed} / ${o.shares}`,
              },
              {
                title: '催办以上',
                key: 'escalated',
                width: 90,
                render: (_, o) => (o.escalated ? <Tag color="orange">{o.escalated}</Tag> : 0),
              },
              {
                title: '办理期限',
                key: 'dueAt',
                width: 170,
                render: (_, o) => formatTime(o.dueAt),
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
