import { UrgeTaskInput } from '@lianxi/domain';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { ReasonedActionModal } from './ReasonedActionModal';

export type ChaseKind = 'urge' | 'supervise';
type Kind = ChaseKind;

const WORDS: Record<Kind, { label: string; ok: string; done: string; hint: string }> = {
  urge: {
    label: '催办',
    ok: '发出催办',
    done: '已催办，责任单位和打传办已收到通知',
    hint: '例如：请于本周五前签收并报告进展',
  },
  supervise: {
    label: '督办',
    ok: '列为督办件',
    done: '已督办，督办件已立',
    hint: '例如：列为督办件，请限期办结并书面说明逾期原因',
  },
};

/**
 * A supervisor's 催办 / 督办 by hand, before or after the clock's own level, of whatever
 * `send` chases (a task, a hand-off): the same words and note for every subject.
 */
export function UrgeActions({
  send,
  onDone,
  size,
}: {
  send: (kind: ChaseKind, note: string) => Promise<unknown>;
  onDone: () => unknown;
  size?: 'small' | 'middle';
}) {
  const [kind, setKind] = useState<Kind | null>(null);
  return (
    <>
      <Space wrap data-testid="supervisor-actions">
        <Button size={size} onClick={() => setKind('urge')} data-testid="action-urge">
          催办
        </Button>
        <Button
          size={size}
          danger
          onClick={() => setKind('supervise')}
          data-testid="action-supervise"
        >
          督办
        </Button>
      </Space>
      {kind && (
        <ReasonedActionModal
          open
          title={`人工${WORDS[kind].label}`}
          okText={WORDS[kind].ok}
          danger={kind === 'supervise'}
          formName={`${kind}-form`}
          name="note"
          label="督查意见"
          schema={UrgeTaskInput.shape.note}
          maxLength={2000}
          placeholder={WORDS[kind].hint}
          onClose={() => setKind(null)}
          onSubmit={(note) => send(kind, note)}
          success={WORDS[kind].done}
          onDone={onDone}
        />
      )}
    </>
  );
}
