import {
  type Handoff,
  type HandoffAction,
  HandoffReasonInput,
  HandoffResultInput,
  type HandoffKind,
  type HandoffOutcome,
} from '@lianxi/domain';
import { Alert, App, Button, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useInvalidateClues } from '../../api/clues';
import {
  answerHandoff,
  askReconsideration,
  chaseHandoff,
  handOverItems,
  receiveHandoff,
  referToProcuratorate,
} from '../../api/handoffs';
import { ActionModal } from '../../components/ActionModal';
import { ReasonedActionModal } from '../../components/ReasonedActionModal';
import { UrgeActions } from '../../components/UrgeActions';
import { useErrorNotice } from '../../components/feedback';
import { outcomeOptions, REASON_REQUIRED } from '../../lib/clues';
import { formatTime } from '../../lib/format';
import { textRules } from '../../lib/forms';

type Dialog = Exclude<HandoffAction, 'receive' | 'urge' | 'supervise'> | null;

/** A supervisor's acts, offered by their own component as on a task. */
const CHASING: readonly HandoffAction[] = ['urge', 'supervise'];

const BUTTONS: Record<HandoffAction, string> = {
  receive: '接收',
  answer: '反馈结果',
  reconsider: '提请复议',
  procuratorate: '建议检察院立案监督',
  hand_over_items: '移交涉案物品',
  urge: '催办',
  supervise: '督办',
};

const answerReason = HandoffResultInput.shape.reason.unwrap();

function AnswerFields({ kind }: { kind: HandoffKind }) {
  const outcome = Form.useWatch<HandoffOutcome | undefined>('outcome');
  const required = !!outcome && REASON_REQUIRED.includes(outcome);
  return (
    <>
      <Form.Item
        label="办理结果"
        name="outcome"
        rules={[{ required: true, message: '请选择办理结果' }]}
        extra={
          kind === 'criminal_referral'
            ? '行政→刑事移送只能答复立案、不予立案或不构成犯罪。'
            : undefined
        }
      >
        <Select options={outcomeOptions(kind)} data-testid="answer-outcome" />
      </Form.Item>
      <Form.Item
        label={required ? '理由' : '办理情况（可选）'}
        name="reason"
        rules={textRules(required ? '理由' : '办理情况', answerReason, required)}
      >
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
    </>
  );
}

/**
 * The buttons the server says the caller may use on this hand-off (`actions`), and their
 * dialogs. Nothing else is offered: the rules live in the API.
 */
export function HandoffActions({ handoff: h, compact }: { handoff: Handoff; compact?: boolean }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [receiving, setReceiving] = useState(false);
  const invalidate = useInvalidateClues();
  const notice = useErrorNotice();
  const { message } = App.useApp();
  const close = () => setDialog(null);
  const size = compact ? 'small' : 'middle';

  if (h.actions.length === 0) return null;
  const own = h.actions.filter((a) => !CHASING.includes(a));

  const receive = async () => {
    setReceiving(true);
    try {
      await receiveHandoff(h.id);
      message.success('已接收，请在期限内办理并反馈');
    } catch (e) {
      notice(e);
    } finally {
      setReceiving(false);
      await invalidate();
    }
  };

  const reason = HandoffReasonInput.shape.reason;
  const formId = (name: string) => `${name}-${h.id}`;
  const reconsidering = h.status === 'reconsidering';

  return (
    <>
      {h.actions.some((a) => CHASING.includes(a)) && (
        <UrgeActions
          send={(kind, note) => chaseHandoff(h.id, kind, { note, version: h.version })}
          onDone={invalidate}
          size={size}
        />
      )}
      <Space wrap size={compact ? 4 : 8} data-testid="handoff-actions">
        {own.map((a) => (
          <Button
            key={a}
            size={size}
            type={a === 'receive' || a === 'answer' ? 'primary' : 'default'}
            loading={a === 'receive' && receiving}
            onClick={() => (a === 'receive' ? void receive() : setDialog(a as Dialog))}
            data-testid={`handoff-action-${a}`}
          >
            {a === 'answer' && reconsidering ? '复议决定' : BUTTONS[a]}
          </Button>
        ))}
      </Space>

      <ActionModal<{ outcome: HandoffOutcome; reason?: string }>
        open={dialog === 'answer'}
        title={reconsidering ? '复议决定' : '反馈办理结果'}
        okText="提交反馈"
        formName={formId('answer-form')}
        onClose={close}
        submit={(v) =>
          answerHandoff(h.id, {
            outcome: v.outcome,
            ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
          })
        }
        success="已反馈，移送方将收到结果"
        onDone={invalidate}
      >
        {h.resultDueAt && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${reconsidering ? '复议' : '办理'}期限：${formatTime(h.resultDueAt)}`}
          />
        )}
        {reconsidering && h.reconsiderationReason && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="移送方提请复议的理由"
            description={h.reconsiderationReason}
          />
        )}
        <AnswerFields kind={h.kind} />
      </ActionModal>

      <ReasonedActionModal
        open={dialog === 'reconsider'}
        title="提请复议"
        okText="提请复议"
        formName={formId('reconsider-form')}
        name="reason"
        label="复议理由"
        schema={reason}
        rows={4}
        maxLength={2000}
        showCount
        onClose={close}
        onSubmit={(text) => askReconsideration(h.id, { reason: text })}
        success="已提请复议，公安机关将在 3 日内作出决定"
        onDone={invalidate}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`对不予立案决定有异议的，可在 ${formatTime(h.appealDueAt)} 前提请复议（仅限一次）。`}
        />
      </ReasonedActionModal>

      <ReasonedActionModal
        open={dialog === 'procuratorate'}
        title="建议检察院立案监督"
        okText="提交建议"
        formName={formId('procuratorate-form')}
        name="reason"
        label="建议理由"
        schema={reason}
        rows={4}
        maxLength={2000}
        showCount
        onClose={close}
        onSubmit={(text) => referToProcuratorate(h.id, { reason: text })}
        success="已移送检察院，申请立案监督"
        onDone={invalidate}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`可在 ${formatTime(h.appealDueAt)} 前建议人民检察院依法进行立案监督。`}
        />
      </ReasonedActionModal>

      <ReasonedActionModal
        open={dialog === 'hand_over_items'}
        title="移交涉案物品"
        okText="确认已移交"
        formName={formId('items-form')}
        name="reason"
        label="移交清单及说明"
        schema={reason}
        rows={4}
        maxLength={2000}
        showCount
        onClose={close}
        onSubmit={(text) => handOverItems(h.id, { reason: text })}
        success="已登记移交涉案物品"
        onDone={invalidate}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`公安机关已立案，请于 ${formatTime(h.itemsDueAt)} 前移交涉案物品及有关材料。`}
        />
      </ReasonedActionModal>
    </>
  );
}
