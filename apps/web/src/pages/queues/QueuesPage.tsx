import type { QueueStatus } from '@lianxi/domain';
import { Alert, Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useQueuesOverview } from '../../api/queues';
import { QueryState } from '../../components/QueryState';
import { formatTime } from '../../lib/format';

/** An outbox row waiting longer than this means the relay is not keeping up. */
const STUCK_MS = 5 * 60_000;

function QueueCard({ queue }: { queue: QueueStatus }) {
  return (
    <Card
      size="small"
      title={queue.label}
      extra={<Typography.Text type="secondary">{queue.name}</Typography.Text>}
      data-testid={`queue-${queue.name}`}
    >
      <Row gutter={8}>
        <Col span={6}>
          <Statistic title="等待" value={queue.waiting} />
        </Col>
        <Col span={6}>
          <Statistic title="执行中" value={queue.active} />
        </Col>
        <Col span={6}>
          <Statistic title="延迟" value={queue.delayed} />
        </Col>
        <Col span={6}>
          <Statistic
            title="失败"
            value={queue.failed}
            valueStyle={queue.failed > 0 ? { color: '#b71c1c' } : undefined}
          />
        </Col>
      </Row>
      {queue.recentFailures.length > 0 && (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey="id"
          pagination={false}
          dataSource={queue.recentFailures}
          data-testid={`queue-failures-${queue.name}`}
          columns={[
            { title: '任务', dataIndex: 'job', width: 120 },
            {
              title: '失败原因',
              dataIndex: 'reason',
              ellipsis: { showTitle: true },
            },
            { title: '尝试', dataIndex: 'attempts', width: 60 },
            { title: '失败时间', dataIndex: 'failedAt', width: 170, render: formatTime },
          ]}
        />
      )}
    </Card>
  );
}

/**
 * 队列监控: the job queues behind escalations, routing and robot notices, and the outbox
 * rows not yet handed to them, so an operator sees a stuck relay or failing jobs at once.
 */
export default function QueuesPage() {
  const query = useQueuesOverview();
  return (
    <Card title="队列监控" data-testid="queues-page">
      <QueryState {...query}>
        {(data) => {
          const waitingMs = data.outbox.oldestAt
            ? Date.now() - new Date(data.outbox.oldestAt).getTime()
            : 0;
          return (
            <Row gutter={[16, 16]}>
              <Col span={24}>
                {waitingMs > STUCK_MS ? (
                  <Alert
                    type="error"
                    showIcon
                    title={`待投递事件 ${data.outbox.pending} 条，最早一条已等待至 ${formatTime(data.outbox.oldestAt)}：投递可能已停止，请检查 Redis 与 worker 进程`}
                    description={data.outbox.lastError ?? undefined}
                    data-testid="outbox-status"
                  />
                ) : (
                  <Alert
                    type={data.outbox.pending > 0 ? 'info' : 'success'}
                    showIcon
                    title={
                      data.outbox.pending > 0
                        ? `待投递事件 ${data.outbox.pending} 条（最早 ${formatTime(data.outbox.oldestAt)}）${data.outbox.retrying > 0 ? `，其中 ${data.outbox.retrying} 条正在重试` : ''}`
                        : '事件均已投递'
                    }
                    description={data.outbox.lastError ?? undefined}
                    data-testid="outbox-status"
                  />
                )}
              </Col>
              {data.queues.length === 0 && (
                <Col span={24}>
                  <Empty description="没有队列" />
                </Col>
              )}
              {data.queues.map((q) => (
                <Col xs={24} xl={12} key={q.name}>
                  <QueueCard queue={q} />
                </Col>
              ))}
              <Col span={24}>
                <Tag>每 10 秒刷新</Tag>
              </Col>
            </Row>
          );
        }}
      </QueryState>
    </Card>
  );
}
