import {
  ReviewInput,
  RulingInput,
  type TaskAction,
  type TaskDetail,
  WithdrawInput,
} from '@lianxi/domain';
import { Alert, Button, Form, Select, Space } from 'antd';
import { useState } from 'react';
import { reviewTask, ruleOnReturn, useInvalidateTasks, withdrawTask } from '../../api/tasks';
import { useUnits } from '../../api/units';
import { ReasonedActionModal } from '../../components/ReasonedActionModal';
import { formatTime } from '../../lib/format';

type Dialog = 'approve' | 'reject' | 'overrule' | 'reassign' | 'withdraw' | null;

/** The office's decisions on a task: 审核 a report, 审定 a return, or 撤回. */
export function OfficeActions({
  task,
  actions,
}: {
  task: TaskDetail;
  /** What `taskActions` offers the viewer now. */
  actions: readonly TaskAction[];
}) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const invalidate = useInvalidateTasks();
  const units = useUnits();
  const close = () => setDialog(null);
  const version = task.version;
  const may = (a: TaskAction) => actions.includes(a);
  const comment = ReviewInput.shape.comment;

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
        {may('approve') && (
          <Button type="primary" onClick={() => setDialog('approve')} data-testid="action-approve">
            审核通过
          </Button>
        )}
        {may('reject') && (
          <Button danger onClick={() => setDialog('reject')} data-testid="action-reject">
            退回重办
          </Button>
        )}
        {may('overrule') && (
          <Button
            type="primary"
            onClick={() => setDialog('overrule')}
            data-testid="action-overrule"
          >
            审定维持
          </Button>
        )}
        {may('reassign') && (
          <Button onClick={() => setDialog('reassign')} data-testid="action-reassign">
            改派其他单位
          </Button>
        )}
        {may('withdraw') && (
          <Button danger onClick={() => setDialog('withdraw')} data-testid="action-withdraw">
            撤回任务
          </Button>
        )}
      </Space>

      <ReasonedActionModal
        open={dialog === 'approve'}
        title="审核通过"
        okText="确认通过"
        formName="approve-form"
        name="comment"
        label="审核意见（可选）"
        ruleLabel="意见"
        schema={comment}
        maxLength={5000}
        onClose={close}
        onSubmit={(text) => reviewTask(task.id, { approve: true, comment: text, version })}
        success="已审核通过，任务办结"
        onDone={invalidate}
      />

      <ReasonedActionModal
        open={dialog === 'reject'}
        title="退回重办"
        okText="确认退回重办"
        danger
        formName="reject-form"
        name="comment"
        label="退回意见"
        schema={comment.unwrap()}
        maxLength={5000}
        onClose={close}
        onSubmit={(text) => reviewTask(task.id, { approve: false, comment: text, version })}
        success="已退回重办"
        onDone={invalidate}
      />

      <ReasonedActionModal
        open={dialog === 'overrule'}
        title="审定维持"
        okText="维持原交办"
        formName="overrule-form"
        name="comment"
        label="审定意见（可选）"
        ruleLabel="意见"
        schema={comment}
        maxLength={5000}
        onClose={close}
        onSubmit={(text) => ruleOnReturn(task.id, { decision: 'overrule', comment: text, version })}
        success="已审定维持，任务回到承办单位，期限顺延"
        onDone={invalidate}
      />

      <ReasonedActionModal<typeof RulingInput.shape.comment, { unitId: string }>
        open={dialog === 'reassign'}
        title="改派其他单位"
        okText="确认改派"
        formName="reassign-form"
        name="comment"
        label="审定意见（可选）"
        ruleLabel="意见"
        schema={RulingInput.shape.comment}
        maxLength={5000}
        onClose={close}
        onSubmit={(text, v) =>
          ruleOnReturn(task.id, { decision: 'reassign', unitId: v.unitId, comment: text, version })
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
      </ReasonedActionModal>

      <ReasonedActionModal
        open={dialog === 'withdraw'}
        title="撤回任务"
        okText="确认撤回"
        danger
        formName="withdraw-form"
        name="reason"
        label="撤回理由"
        schema={WithdrawInput.shape.reason}
        maxLength={2000}
        onClose={close}
        onSubmit={(reason) => withdrawTask(task.id, { reason, version })}
        success="任务已撤回"
        onDone={invalidate}
      />
    </>
  );
}
