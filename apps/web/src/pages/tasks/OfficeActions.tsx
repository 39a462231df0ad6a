import { isOpen, ReviewInput, RulingInput, type TaskDetail, WithdrawInput } from '@lianxi/domain';
import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client';
import { useInvalidateTasks, useUnits } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import { formatTime } from '../../lib/format';
import { textRules } from '../../lib/forms';

type Dialog = 'approve' | 'reject' | 'overrule' | 'reassign' | 'withdraw' | null;

/** The office's decisions on a task: 审核 a report, 审定 a return, or 撤回. */
export function OfficeActions({ task }: { task: TaskDetail }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const invalidate = useInvalidateTasks();
  const units = useUnits();
  const close = () => setDialog(null);
  const act = (path: string, body: object) =>
    post(`/api/tasks/${task.id}/${path}`, { ...body, version: task.version });
  // An empty optional comment must be left out: the API refuses a blank one.
  const comment = (c: string | undefined) => (c?.trim() ? { comment: c.trim() } : {});
  const commentRules = textRules('意见', ReviewInput.shape.comment.unwrap(), false);

  return (
    <>
      {(task.status === 'reported' || task.status === 'returned') && task.officeDueAt && (
        <Alert
          type="warning"
          showIcon
          title={`${task.status === 'reported' ? '请审核反馈' : '请审定退回'}，打传办办理期限：${formatTime(task.officeDueAt)}`}
        />
      )}
      <Space wrap data-testid="office-actions">
        {task.status === 'reported' && (
          <>
            <Button
              type="primary"
              onClick={() => setDialog('approve')}
              data-testid="action-approve"
            >
              审核通过
            </Button>
            <Button danger onClick={() => setDialog('reject')} data-testid="action-reject">
              退回重办
            </Button>
          </>
        )}
        {task.status === 'returned' && (
          <>
            <Button
              type="primary"
              onClick={() => setDialog('overrule')}
              data-testid="action-overrule"
            >
              审定维持
            </Button>
            <Button onClick={() => setDialog('reassign')} data-testid="action-reassign">
              改派其他单位
            </Button>
          </>
        )}
        {isOpen(task.status) && (
          <Button danger onClick={() => setDialog('withdraw')} data-testid="action-withdraw">
            撤回任务
          </Button>
        )}
      </Space>

      <ActionModal<{ comment?: string }>
        open={dialog === 'approve'}
        title="审核通过"
        okText="确认通过"
        formName="approve-form"
        onClose={close}
        submit={(v) => act('review', { approve: true, ...comment(v.comment) })}
        success="已审核通过，任务办结"
        onDone={invalidate}
      >
        <Form.Item label="审核意见（可选）" name="comment" rules={commentRules}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ comment: string }>
        open={dialog === 'reject'}
        title="退回重办"
        okText="确认退回重办"
        danger
        formName="reject-form"
        onClose={close}
        submit={(v) => act('review', { approve: false, ...comment(v.comment) })}
        success="已退回重办"
        onDone={invalidate}
      >
        <Form.Item
          label="退回意见"
          name="comment"
          rules={textRules('退回意见', ReviewInput.shape.comment.unwrap())}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ comment?: string }>
        open={dialog === 'overrule'}
        title="审定维持"
        okText="维持原交办"
        formName="overrule-form"
        onClose={close}
        submit={(v) => act('ruling', { decision: 'overrule', ...comment(v.comment) })}
        success="已审定维持，任务回到承办单位，期限顺延"
        onDone={invalidate}
      >
        <Form.Item label="审定意见（可选）" name="comment" rules={commentRules}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ unitId: string; comment?: string }>
        open={dialog === 'reassign'}
        title="改派其他单位"
        okText="确认改派"
        formName="reassign-form"
        onClose={close}
        submit={(v) =>
          act('ruling', { decision: 'reassign', unitId: v.unitId, ...comment(v.comment) })
        }
        success="已改派"
        onDone={invalidate}
      >
        <Form.Item
          label="新的承办单位"
          name="unitId"
          rules={[{ required: true, message: '请选择承办单位' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isPending}
            options={(units.data ?? [])
              .filter((u) => u.id !== task.unitId)
              .map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          label="审定意见（可选）"
          name="comment"
          rules={textRules('意见', RulingInput.shape.comment.unwrap(), false)}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ reason: string }>
        open={dialog === 'withdraw'}
        title="撤回任务"
        okText="确认撤回"
        danger
        formName="withdraw-form"
        onClose={close}
        submit={(v) => act('withdraw', v)}
        success="任务已撤回"
        onDone={invalidate}
      >
        <Form.Item
          label="撤回理由"
          name="reason"
          rules={textRules('撤回理由', WithdrawInput.shape.reason)}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </ActionModal>
    </>
  );
}
