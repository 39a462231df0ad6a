import { IssueOrderDownInput, type Priority, type SubConference } from '@lianxi/domain';
import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useNavigate } from 'react-router';
import { ActionModal } from '../../components/ActionModal';
import { PRIORITY_LABELS } from '../../lib/format';
import { textRules } from '../../lib/forms';
import { issueOrderDown } from '../../api/conferences';

interface Values {
  title: string;
  body: string;
  priority: Priority;
  dueInWorkdays?: number;
  conferenceIds: string[];
}

const shape = IssueOrderDownInput.shape;

/**
 * 向下级交办: a work order to the offices of the conferences directly below; each office's unit
 * gets a task whose clocks follow this conference's policy. Opens the progress page after.
 */
export function IssueDownModal({
  open,
  below,
  onClose,
  onDone,
}: {
  open: boolean;
  below: SubConference[];
  onClose: () => void;
  onDone: () => unknown;
}) {
  const navigate = useNavigate();
  return (
    <ActionModal<Values>
      open={open}
      title="向下级交办"
      okText="确认交办"
      formName="issue-down-form"
      initialValues={{ priority: 'normal', conferenceIds: below.map((c) => c.id) }}
      onClose={onClose}
      submit={async (v) => {
        const issued = await issueOrderDown({
          title: v.title.trim(),
          body: v.body.trim(),
          priority: v.priority,
          dueInWorkdays: v.dueInWorkdays ?? undefined,
          conferenceIds: v.conferenceIds,
        });
        navigate(`/conferences/work-orders/${issued.id}`);
      }}
      success="已向下级交办，各下级打传办将收到任务"
      onDone={onDone}
    >
      <Form.Item label="标题" name="title" rules={textRules('标题', shape.title)}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="交办内容" name="body" rules={textRules('交办内容', shape.body)}>
        <Input.TextArea rows={4} maxLength={10_000} />
      </Form.Item>
      <Form.Item label="紧急程度" name="priority">
        <Select
          options={Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item
        label="办理时限（工作日）"
        name="dueInWorkdays"
        extra="不填则按本级督办规则的默认时限"
      >
        <InputNumber min={0} max={250} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        label="交办给"
        name="conferenceIds"
        rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个下级' }]}
      >
        <Checkbox.Group options={below.map((c) => ({ value: c.id, label: c.jurisdiction.name }))} />
      </Form.Item>
    </ActionModal>
  );
}
