import { ExtensionDecisionInput, type ExtensionRequest, type TaskDetail } from '@lianxi/domain';
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { decideExtension, useExtensionRequests, useInvalidateTasks } from '../../api/tasks';
import { ReasonedActionModal } from '../../components/ReasonedActionModal';
import { ItemList } from '../../components/ItemList';
import { QueryState } from '../../components/QueryState';
import { formatTime } from '../../lib/format';

const STATUS = {
  pending: { color: 'processing', label: '待审批' },
  approved: { color: 'success', label: '已批准' },
  denied: { color: 'error', label: '未批准' },
} as const;

/** A task's extension requests; the office decides the pending one here. */
export function ExtensionPanel({ task, canDecide }: { task: TaskDetail; canDecide: boolean }) {
  const query = useExtensionRequests(task.id);
  const invalidate = useInvalidateTasks();
  const [deciding, setDeciding] = useState<{ request: ExtensionRequest; approve: boolean } | null>(
    null,
  );

  return (
    <Card title="延期申请" size="small" data-testid="extension-panel">
      <QueryState {...query}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty description="没有延期申请" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <ItemList
              items={items.map((r) => ({
                key: r.id,
                title: (
                  <Space wrap>
                    <Tag color={STATUS[r.status].color}>{STATUS[r.status].label}</Tag>
                    <span>申请延至 {formatTime(r.requestedDueAt)}</span>
                  </Space>
                ),
                description: (
                  <>
                    <div className="lx-pre">{r.reason}</div>
                    <Typography.Text type="secondary">
                      申请于 {formatTime(r.requestedAt)}
                      {r.decidedAt ? `，审批于 ${formatTime(r.decidedAt)}` : ''}
                      {r.comment ? `：${r.comment}` : ''}
                    </Typography.Text>
                  </>
                ),
                actions:
                  canDecide && r.status === 'pending'
                    ? [
                        <Button
                          key="approve"
                          type="link"
                          onClick={() => setDeciding({ request: r, approve: true })}
                          data-testid="extension-approve"
                        >
                          批准
                        </Button>,
                        <Button
                          key="deny"
                          type="link"
                          danger
                          onClick={() => setDeciding({ request: r, approve: false })}
                          data-testid="extension-deny"
                        >
                          不批准
                        </Button>,
                      ]
                    : [],
              }))}
            />
          )
        }
      </QueryState>
      <ReasonedActionModal
        open={deciding !== null}
        title={deciding?.approve ? '批准延期' : '不批准延期'}
        okText={deciding?.approve ? '确认批准' : '确认不批准'}
        danger={deciding?.approve === false}
        formName="extension-decision-form"
        name="comment"
        label="审批意见（可选）"
        ruleLabel="审批意见"
        schema={ExtensionDecisionInput.shape.comment}
        maxLength={2000}
        onClose={() => setDeciding(null)}
        onSubmit={(comment) =>
          decideExtension(deciding!.request.id, { approve: deciding!.approve, comment })
        }
        success={deciding?.approve ? '已批准延期，期限已更新' : '已驳回延期申请'}
        onDone={invalidate}
      />
    </Card>
  );
}
