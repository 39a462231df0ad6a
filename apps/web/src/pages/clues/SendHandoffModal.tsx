import {
  type ClueDetail,
  HANDOFF_KIND_LABELS,
  type HandoffKind,
  SendHandoffInput,
} from '@lianxi/domain';
import { Form, Select } from 'antd';
import { sendHandoff } from '../../api/handoffs';
import { useInvalidateClues } from '../../api/clues';
import { useUnits } from '../../api/units';
import { useMe } from '../../auth';
import { ReasonedActionModal } from '../../components/ReasonedActionModal';

/** 立案监督 requests arise from a refused referral's own button, not from here. */
const KINDS: HandoffKind[] = ['transfer', 'criminal_referral', 'route'];
const KIND_HELP: Record<string, string> = {
  transfer: '线索不属于本单位职责，或需其他单位办理',
  criminal_referral: '涉嫌犯罪，依法移送公安机关立案侦查（公安须在 3 日内决定是否立案）',
  route: '打传办分流至承办单位',
};

function KindField({ kinds }: { kinds: HandoffKind[] }) {
  const kind = Form.useWatch<HandoffKind | undefined>('kind');
  return (
    <Form.Item
      label="移送方式"
      name="kind"
      rules={[{ required: true, message: '请选择移送方式' }]}
      extra={kind ? KIND_HELP[kind] : undefined}
    >
      <Select
        options={kinds.map((k) => ({ value: k, label: HANDOFF_KIND_LABELS[k] }))}
        data-testid="handoff-kind-select"
      />
    </Form.Item>
  );
}

interface Values {
  toUnitId: string;
  kind: HandoffKind;
  reason: string;
}

/** 移送: hands the clue on to another unit, with the kind of hand-off and its reasons. */
export function SendHandoffModal({
  clue,
  open,
  onClose,
}: {
  clue: ClueDetail;
  open: boolean;
  onClose: () => void;
}) {
  const me = useMe();
  const units = useUnits();
  const invalidate = useInvalidateClues();
  const kinds = me.role === 'unit' ? KINDS.filter((k) => k !== 'route') : KINDS;
  return (
    <ReasonedActionModal<typeof SendHandoffInput.shape.reason, Omit<Values, 'reason'>>
      open={open}
      title="移送线索"
      okText="确认移送"
      formName="send-handoff-form"
      name="reason"
      label="移送理由"
      schema={SendHandoffInput.shape.reason}
      rows={4}
      maxLength={2000}
      showCount
      onClose={onClose}
      onSubmit={(reason, v) => sendHandoff(clue.id, { toUnitId: v.toUnitId, kind: v.kind, reason })}
      success="已移送，接收单位将收到通知"
      onDone={invalidate}
      initialValues={{ kind: me.role === 'unit' ? 'transfer' : 'route' }}
    >
      <Form.Item
        label="接收单位"
        name="toUnitId"
        rules={[{ required: true, message: '请选择接收单位' }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={units.isPending}
          placeholder="选择接收单位"
          options={(units.data ?? [])
            .filter((u) => u.id !== me.unitId)
            .map((u) => ({ value: u.id, label: u.name }))}
          data-testid="handoff-to-unit"
        />
      </Form.Item>
      <KindField kinds={kinds} />
    </ReasonedActionModal>
  );
}
