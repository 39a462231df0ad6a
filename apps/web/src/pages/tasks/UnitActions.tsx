import {
  ExtensionRequestInput,
  localDate,
  ProgressInput,
  ReportInput,
  ReturnTaskInput,
  type TaskAction,
  type TaskDetail,
  zonedInstant,
} from '@lianxi/domain';
import { Alert, App, Button, DatePicker, Form, Space, Tooltip } from 'antd';
import type { UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  acceptTask,
  reportProgress,
  reportResult,
  requestExtension,
  returnTask,
  taskAttachmentsPath,
  useExtensionAllowance,
  useExtensionRequests,
  useInvalidateTasks,
} from '../../api/tasks';
import { ReasonedActionModal } from '../../components/ReasonedActionModal';
import { useErrorNotice } from '../../components/feedback';
import { FilePicker, refusedText, sendPicked } from '../../components/FilePicker';
import { formatTime, TIME_ZONE } from '../../lib/format';

type Dialog = 'return' | 'progress' | 'report' | 'extension' | null;

/** The picker shows the PC's wall clock; deadlines are Asia/Shanghai wall-clock times. */
const toShanghai = (d: Dayjs) =>
  zonedInstant(d.format('YYYY-MM-DD'), d.format('HH:mm:00'), TIME_ZONE).toISOString();

/** What the task's own unit can do next: 签收, 退回, 报告进展, 反馈, 申请延期. */
export function UnitActions({
  task,
  actions,
}: {
  task: TaskDetail;
  /** What `taskActions` offers the viewer now. */
  actions: readonly TaskAction[];
}) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [accepting, setAccepting] = useState(false);
  const invalidate = useInvalidateTasks();
  const notice = useErrorNotice();
  const { message, notification } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const extensions = useExtensionRequests(task.id, actions.includes('request_extension'));
  const extensionPending = extensions.data?.items.some((r) => r.status === 'pending') ?? false;
  // the allowance is known before the picker opens: days past it cannot be chosen at all
  const allowance = useExtensionAllowance(task.id, actions.includes('request_extension')).data;
  const latestDay = allowance ? localDate(new Date(allowance.latestDueAt), TIME_ZONE) : null;
  const version = task.version;
  const may = (a: TaskAction) => actions.includes(a);
  const close = () => {
    setDialog(null);
    setFiles([]);
  };

  /**
   * 进展 / 反馈 with evidence: the entry first (the files name it), then each file with its
   * progress shown. A refused file does not undo the entry: the unit is told which and why,
   * and can add it again to the entry in 办理记录.
   */
  const withEvidence = async (path: 'progress' | 'report', send: () => Promise<TaskDetail>) => {
    const detail = await send();
    const entry = detail.events.findLast((e) => e.action === path);
    if (!entry || files.length === 0) return;
    const { refused } = await sendPicked(files, taskAttachmentsPath(task.id), setFiles, {
      eventId: String(entry.id),
    });
    if (refused.length > 0) {
      notification.warning({
        title: '部分附件未能上传',
        description: `${path === 'report' ? '办理结果' : '进展'}已提交，但${refusedText(refused)}未能上传；可在办理记录中“补传佐证材料”。`,
        duration: 0,
      });
    }
  };
  const evidenceField = (
    <Form.Item label="佐证材料（照片、笔录扫描件、PDF 等，可选）">
      <FilePicker fileList={files} onChange={setFiles} />
    </Form.Item>
  );

  const accept = async () => {
    setAccepting(true);
    try {
      await acceptTask(task.id, { version });
      message.success('已签收，请在期限内办理');
    } catch (e) {
      notice(e);
    } finally {
      setAccepting(false);
      await invalidate();
    }
  };

  return (
    <>
      {task.status === 'returned' && (
        <Alert type="info" showIcon title="已退回，等待打传办审定。审定期间办理期限暂停计算。" />
      )}
      {task.status === 'reported' && (
        <Alert type="info" showIcon title="已反馈办理结果，等待打传办审核。" />
      )}
      <Space wrap data-testid="unit-actions">
        {may('accept') && (
          <Button type="primary" loading={accepting} onClick={accept} data-testid="action-accept">
            签收
          </Button>
        )}
        {may('report') && (
          <Button type="primary" onClick={() => setDialog('report')} data-testid="action-report">
            反馈办理结果
          </Button>
        )}
        {may('progress') && (
          <Button onClick={() => setDialog('progress')} data-testid="action-progress">
            报告进展
          </Button>
        )}
        {may('request_extension') && (
          <Tooltip title={extensionPending ? '已有一项延期申请待审批' : undefined}>
            <Button
              onClick={() => setDialog('extension')}
              disabled={extensionPending}
              data-testid="action-extension"
            >
              申请延期
            </Button>
          </Tooltip>
        )}
        {may('return') && (
          <Button danger onClick={() => setDialog('return')} data-testid="action-return">
            退回
          </Button>
        )}
      </Space>

      <ReasonedActionModal
        open={dialog === 'return'}
        title="退回任务"
        okText="确认退回"
        danger
        formName="return-form"
        name="reason"
        label="退回理由"
        schema={ReturnTaskInput.shape.reason}
        rows={4}
        maxLength={2000}
        showCount
        onClose={close}
        onSubmit={(reason) => returnTask(task.id, { reason, version })}
        success="已退回，等待打传办审定"
        onDone={invalidate}
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`退回须在 ${formatTime(task.returnDueAt)} 前提出，并说明不属于本单位职责的理由。`}
        />
      </ReasonedActionModal>

      <ReasonedActionModal
        open={dialog === 'progress'}
        title="报告进展"
        okText="提交进展"
        formName="progress-form"
        name="note"
        label="进展情况"
        schema={ProgressInput.shape.note}
        rows={4}
        maxLength={5000}
        showCount
        onClose={close}
        onSubmit={(note) =>
          withEvidence('progress', () => reportProgress(task.id, { note, version }))
        }
        success="进展已报告"
        onDone={invalidate}
        after={evidenceField}
      />

      <ReasonedActionModal
        open={dialog === 'report'}
        title="反馈办理结果"
        okText="提交反馈"
        formName="report-form"
        name="summary"
        label="办理结果"
        schema={ReportInput.shape.summary}
        rows={6}
        maxLength={10000}
        showCount
        inputTestId="report-summary"
        onClose={close}
        onSubmit={(summary) =>
          withEvidence('report', () => reportResult(task.id, { summary, version }))
        }
        success="已反馈，等待打传办审核"
        onDone={invalidate}
        after={evidenceField}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`办理期限：${formatTime(task.dueAt)}`}
        />
      </ReasonedActionModal>

      <ReasonedActionModal<typeof ExtensionRequestInput.shape.reason, { requestedDueAt: Dayjs }>
        open={dialog === 'extension'}
        title="申请延期"
        okText="提交申请"
        formName="extension-form"
        name="reason"
        label="延期理由"
        schema={ExtensionRequestInput.shape.reason}
        rows={4}
        maxLength={2000}
        showCount
        onClose={close}
        onSubmit={(reason, v) =>
          requestExtension(task.id, { requestedDueAt: toShanghai(v.requestedDueAt), reason })
        }
        success="延期申请已提交，等待打传办审批"
        onDone={invalidate}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            allowance
              ? `当前期限：${formatTime(task.dueAt)}。延期须在到期前申请，最晚可延期至 ${allowance.latestDay}。`
              : `当前期限：${formatTime(task.dueAt)}。延期须在到期前申请，累计不超过规定上限。`
          }
          data-testid="extension-allowance"
        />
        <Form.Item
          label="申请延至（北京时间）"
          name="requestedDueAt"
          rules={[{ required: true, message: '请选择新的期限' }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) =>
              d.format('YYYY-MM-DD') < localDate(new Date(task.dueAt), TIME_ZONE) ||
              (latestDay !== null && d.format('YYYY-MM-DD') > latestDay)
            }
            defaultPickerValue={dayjs(localDate(new Date(task.dueAt), TIME_ZONE))}
          />
        </Form.Item>
      </ReasonedActionModal>
    </>
  );
}
