import { CreateResolutionInput, type MeetingDetail, type Resolution } from '@lianxi/domain';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { addResolution, useInvalidateMeetings } from '../../api/meetings';
import { useUnits } from '../../api/units';
import { ActionModal } from '../../components/ActionModal';
import { formatDate } from '../../lib/format';
import { textRules } from '../../lib/forms';
import { IssueOrderForm } from '../work-orders/IssueOrderForm';
import { issueFromResolution } from '../../api/work-orders';

/** 新增议定事项: what the meeting decided, and the unit it named to lead, if any. */
export function AddResolutionModal({
  meeting,
  open,
  onClose,
}: {
  meeting: MeetingDetail;
  open: boolean;
  onClose: () => void;
}) {
  const units = useUnits();
  const invalidate = useInvalidateMeetings();
  return (
    <ActionModal<{ text: string; leadUnitId?: string }>
      open={open}
      title="新增议定事项"
      okText="保存"
      formName="resolution-form"
      onClose={onClose}
      submit={(v) =>
        addResolution(meeting.id, {
          text: v.text.trim(),
          ...(v.leadUnitId ? { leadUnitId: v.leadUnitId } : {}),
        })
      }
      success="议定事项已登记"
      onDone={invalidate}
    >
      <Form.Item
        label="议定事项"
        name="text"
        rules={textRules('议定事项', CreateResolutionInput.shape.text)}
      >
        <Input.TextArea
          rows={4}
          maxLength={2000}
          showCount
          placeholder="例如：由公安分局牵头，于 12 月底前开展一次聚集型传销集中清查行动。"
          data-testid="resolution-text-input"
        />
      </Form.Item>
      <Form.Item label="牵头单位（可选）" name="leadUnitId">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={units.isPending}
          placeholder="会议明确的牵头单位"
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          data-testid="resolution-lead"
        />
      </Form.Item>
    </ActionModal>
  );
}

/** A title within the order's 200 characters, taken from the resolution's text. */
const orderTitle = (text: string) => {
  const line = text.split('\n')[0].trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

/** 交办: a work order issued for one resolution, linked to it so the meeting tracks it. */
export function IssueForResolutionModal({
  meeting,
  resolution,
  onClose,
}: {
  meeting: MeetingDetail;
  resolution: Resolution;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const invalidate = useInvalidateMeetings();
  return (
    <Modal
      open
      title={`交办议定事项（${resolution.seq}）`}
      onCancel={onClose}
      footer={null}
      width={720}
      destroyOnHidden
    >
      <IssueOrderForm
        name={`resolution-order-${resolution.id}`}
        layout="dialog"
        intro={
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${meeting.title}（${formatDate(meeting.heldAt)}）议定`}
            description={resolution.text}
          />
        }
        initialValues={{
          title: orderTitle(resolution.text),
          body: `根据${meeting.title}（${formatDate(meeting.heldAt)}）议定事项（${resolution.seq}）：${resolution.text}\n\n请按职责抓好落实，并按期反馈办理情况。`,
          ...(resolution.leadUnitId ? { leadUnitId: resolution.leadUnitId } : {}),
        }}
        send={(input) => issueFromResolution(resolution.id, input)}
        onIssued={async (order) => {
          message.success(`交办单 ${order.serial} 已下发`);
          onClose();
          await invalidate();
        }}
      />
    </Modal>
  );
}
