import { CloseClueInput, type ClueDetail } from '@lianxi/domain';
import { Alert } from 'antd';
import { closeClue, useInvalidateClues } from '../../api/clues';
import { ReasonedActionModal } from '../../components/ReasonedActionModal';

/**
 * 办结: the holding unit or the office closes the clue with its conclusion. The API refuses
 * while a hand-off waits for its answer, and its reason comes back as the error notice.
 */
export function CloseClueModal({
  clue,
  open,
  onClose,
}: {
  clue: ClueDetail;
  open: boolean;
  onClose: () => void;
}) {
  const invalidate = useInvalidateClues();
  const pending = clue.handoffs.filter((h) => h.status !== 'answered').length;
  return (
    <ReasonedActionModal
      open={open}
      title="办结线索"
      okText="确认办结"
      formName="close-clue-form"
      name="conclusion"
      label="办结结论"
      schema={CloseClueInput.shape.conclusion}
      rows={5}
      maxLength={2000}
      showCount
      placeholder="例如：经查，该平台以消费返利为名发展下线，已立案查处并责令停止经营。"
      extra="写明查处情况及处理结果；办结后同一主体的新举报将另立线索。"
      inputTestId="clue-conclusion-input"
      onClose={onClose}
      onSubmit={(conclusion) => closeClue(clue.id, { conclusion })}
      success="线索已办结"
      onDone={invalidate}
    >
      {pending > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`还有 ${pending} 件移送未反馈，须全部反馈后才能办结。`}
        />
      )}
    </ReasonedActionModal>
  );
}
