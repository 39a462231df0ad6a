import { SendOutlined } from '@ant-design/icons';
import type { Resolution, ResolutionOrder } from '@lianxi/domain';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useUnitNames } from '../../api/units';
import { ItemList } from '../../components/ItemList';
import { formatTime, ORDER_STATUS_LABELS } from '../../lib/format';
import { ProgressTag } from './meeting-tags';

const ORDER_COLOURS = { open: 'processing', closed: 'success', withdrawn: 'default' } as const;

function OrderTable({ orders }: { orders: ResolutionOrder[] }) {
  return (
    <Table<ResolutionOrder>
      rowKey="id"
      size="small"
      dataSource={orders}
      pagination={false}
      scroll={{ x: 640 }}
      style={{ marginTop: 8 }}
      data-testid="resolution-orders"
      columns={[
        {
          title: '交办单',
          dataIndex: 'serial',
          width: 150,
          render: (s: string, o) => (
            <Link to={`/work-orders/${o.id}`} data-testid="resolution-order-link">
              {s}
            </Link>
          ),
        },
        { title: '标题', dataIndex: 'title', ellipsis: true },
        {
          title: '状态',
          dataIndex: 'status',
          width: 86,
          render: (s: ResolutionOrder['status']) => (
            <Tag color={ORDER_COLOURS[s]}>{ORDER_STATUS_LABELS[s]}</Tag>
          ),
        },
        {
          title: '任务办结',
          key: 'tasks',
          width: 90,
          render: (_, o) => (
            <span data-testid="resolution-order-tasks">
              {o.closedTasks}/{o.tasks}
            </span>
          ),
        },
        {
          title: '逾期',
          dataIndex: 'overdueTasks',
          width: 70,
          render: (n: number) =>
            n ? <Typography.Text type="danger">{n}</Typography.Text> : <span>0</span>,
        },
        { title: '办理期限', dataIndex: 'dueAt', width: 180, render: formatTime },
      ]}
    />
  );
}

/** Each resolution with its 落实情况 and the orders issued to carry it out. */
export function ResolutionList({
  resolutions,
  onIssue,
}: {
  resolutions: Resolution[];
  /** Present for the office: issues an order for the resolution. */
  onIssue?: (r: Resolution) => void;
}) {
  const unitName = useUnitNames();
  return (
    <ItemList
      testId="resolution-list"
      items={resolutions.map((r) => ({
        key: r.id,
        title: (
          <Space align="start" size={8} data-testid="resolution" data-seq={r.seq}>
            <Typography.Text strong>（{r.seq}）</Typography.Text>
            <Typography.Text className="lx-pre" data-testid="resolution-text">
              {r.text}
            </Typography.Text>
          </Space>
        ),
        description: (
          <div data-testid={`resolution-${r.seq}`}>
            <Space size={8} wrap>
              <ProgressTag progress={r.progress} />
              <span>牵头单位：{r.leadUnitId ? unitName(r.leadUnitId) : '未指定'}</span>
              <span>交办单 {r.workOrders.length} 件</span>
            </Space>
            {r.workOrders.length > 0 && <OrderTable orders={r.workOrders} />}
          </div>
        ),
        actions: onIssue
          ? [
              <Button
                key="issue"
                size="small"
                icon={<SendOutlined />}
                onClick={() => onIssue(r)}
                data-testid="resolution-issue"
              >
                交办
              </Button>,
            ]
          : undefined,
      }))}
    />
  );
}
