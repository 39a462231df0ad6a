import type { OrderBelow } from '@lianxi/domain';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { QueryState } from '../../components/QueryState';
import { EscalationTag, StatusTag } from '../../components/tags';
import { ASSIGNMENT_LABELS, formatTime, PRIORITY_LABELS } from '../../lib/format';
import { useOrderDownProgress } from '../../api/conferences';

/**
 * 下级办理进度: one order issued down, and how each conference below is doing with it: each
 * share, then the tasks of the orders that conference split it into for its units.
 */
export default function OrderProgressPage() {
  const { id } = useParams();
  const query = useOrderDownProgress(id);
  return (
    <QueryState {...query} notFoundTitle="交办单不存在或无权访问">
      {(order) => (
        <Space
          orientation="vertical"
          size={16}
          style={{ width: '100%' }}
          data-testid="order-down-progress"
        >
          <Breadcrumbs
            list={{ title: '下级联席会议', to: '/conferences' }}
            current={order.serial}
          />
          <Card
            title={
              <Space wrap>
                <Typography.Text type="secondary">{order.serial}</Typography.Text>
                {order.title}
              </Space>
            }
          >
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'priority', label: '紧急程度', children: PRIORITY_LABELS[order.priority] },
                { key: 'issued', label: '交办时间', children: formatTime(order.issuedAt) },
                { key: 'due', label: '办理期限', children: formatTime(order.dueAt) },
              ]}
            />
          </Card>
          <Card title="各下级办理情况">
            <Table<OrderBelow>
              rowKey="taskId"
              dataSource={order.below}
              pagination={false}
              scroll={{ x: 900 }}
              columns={[
                {
                  title: '下级联席会议',
                  key: 'conference',
                  className: 'lx-wrap',
                  // a district's split tasks sit right under its share, one step in
                  render: (_, r) =>
                    r.kind === 'split' ? (
                      <Typography.Text
                        type="secondary"
                        style={{ paddingLeft: (r.depth - 1) * 16 + 16 }}
                      >
                        └ 分解交办
                      </Typography.Text>
                    ) : (
                      <span style={{ paddingLeft: (r.depth - 1) * 16 }}>{r.conferenceName}</span>
                    ),
                },
                { title: '下级文号', dataIndex: 'serial', key: 'serial', width: 170 },
                {
                  title: '承办单位',
                  key: 'unitName',
                  width: 180,
                  render: (_, r) => (
                    <Space size={4}>
                      {r.unitName}
                      {r.kind === 'split' && <Tag>{ASSIGNMENT_LABELS[r.role]}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: '状态',
                  key: 'status',
                  width: 110,
                  render: (_, r) => <StatusTag status={r.status} />,
                },
                {
                  title: '签收期限',
                  key: 'signDueAt',
                  width: 170,
                  render: (_, r) => formatTime(r.signDueAt),
                },
                {
                  title: '办理期限',
                  key: 'dueAt',
                  width: 170,
                  render: (_, r) => formatTime(r.dueAt),
                },
                {
                  title: '督办',
                  key: 'level',
                  width: 100,
                  render: (_, r) => <EscalationTag level={r.escalationLevel} />,
                },
              ]}
            />
          </Card>
        </Space>
      )}
    </QueryState>
  );
}
