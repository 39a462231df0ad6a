import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useReadNoticesAbout } from '../../api/notifications';
import { useWorkOrder } from '../../api/work-orders';
import { isOffice, useMe } from '../../auth';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { OrderAttachmentsCard } from '../../components/OrderAttachments';
import { QueryState } from '../../components/QueryState';
import { TaskTable } from '../../components/TaskTable';
import { formatTime, ORDER_STATUS_LABELS, PRIORITY_LABELS } from '../../lib/format';
import { SplitOrderModal } from './SplitOrderModal';

export default function WorkOrderPage() {
  const { id } = useParams();
  const query = useWorkOrder(id);
  useReadNoticesAbout('work_order', query.data?.id);
  const me = useMe();
  const [splitting, setSplitting] = useState(false);
  return (
    <QueryState {...query} notFoundTitle="交办单不存在或无权访问">
      {(order) => (
        <Space
          orientation="vertical"
          size={16}
          style={{ width: '100%' }}
          data-testid="work-order-detail"
        >
          <Breadcrumbs list={{ title: '交办单', to: '/work-orders' }} current={order.serial} />
          <Card
            title={
              <Space wrap>
                <Typography.Text type="secondary">{order.serial}</Typography.Text>
                {order.title}
              </Space>
            }
            extra={
              <Space>
                {order.fromAbove && order.status === 'open' && isOffice(me.role) && (
                  <Button type="primary" onClick={() => setSplitting(true)}>
                    分解交办
                  </Button>
                )}
                <Tag>{ORDER_STATUS_LABELS[order.status]}</Tag>
              </Space>
            }
          >
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'priority', label: '紧急程度', children: PRIORITY_LABELS[order.priority] },
                { key: 'issued', label: '下发时间', children: formatTime(order.issuedAt) },
                { key: 'due', label: '办理期限', children: formatTime(order.dueAt) },
              ]}
            />
            <Typography.Title level={5}>交办内容</Typography.Title>
            <Typography.Paragraph className="lx-pre">{order.body}</Typography.Paragraph>
          </Card>
          <OrderAttachmentsCard orderId={order.id} />
          <Card title="承办任务" size="small">
            <TaskTable tasks={order.tasks} testId="order-tasks" />
          </Card>
          {splitting && <SplitOrderModal share={order} onClose={() => setSplitting(false)} />}
        </Space>
      )}
    </QueryState>
  );
}
