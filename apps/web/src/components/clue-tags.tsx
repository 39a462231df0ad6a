import {
  CLUE_CATEGORY_LABELS,
  type ClueCategory,
  HANDOFF_KIND_LABELS,
  HANDOFF_OUTCOME_LABELS,
  HANDOFF_STATUS_LABELS,
  type Handoff,
  type HandoffKind,
  type HandoffOutcome,
  type HandoffStatus,
} from '@lianxi/domain';
import { Space, Tag, Typography } from 'antd';
import {
  clockStatus,
  CLUE_STATUS_LABELS,
  HANDOFF_KIND_COLOURS,
  HANDOFF_STATUS_COLOURS,
  OUTCOME_COLOURS,
} from '../lib/clues';
import { formatTime } from '../lib/format';
import { Deadline } from './tags';

export function ClueStatusTag({ status }: { status: 'open' | 'closed' }) {
  return (
    <Tag
      color={status === 'open' ? 'processing' : 'success'}
      data-testid="clue-status"
      data-status={status}
    >
      {CLUE_STATUS_LABELS[status]}
    </Tag>
  );
}

export function CategoryTag({ category }: { category: ClueCategory }) {
  return (
    <Tag color={category === 'gathering' ? 'red' : category === 'online' ? 'geekblue' : 'default'}>
      {CLUE_CATEGORY_LABELS[category]}
    </Tag>
  );
}

export function HandoffStatusTag({ status }: { status: HandoffStatus }) {
  return (
    <Tag color={HANDOFF_STATUS_COLOURS[status]} data-testid="handoff-status" data-status={status}>
      {HANDOFF_STATUS_LABELS[status]}
    </Tag>
  );
}

export function HandoffKindTag({ kind }: { kind: HandoffKind }) {
  return (
    <Tag color={HANDOFF_KIND_COLOURS[kind]} data-testid="handoff-kind" data-kind={kind}>
      {HANDOFF_KIND_LABELS[kind]}
    </Tag>
  );
}

export function OutcomeTag({ outcome }: { outcome: HandoffOutcome }) {
  return (
    <Tag color={OUTCOME_COLOURS[outcome]} data-testid="handoff-outcome" data-outcome={outcome}>
      {HANDOFF_OUTCOME_LABELS[outcome]}
    </Tag>
  );
}

/**
 * Where a hand-off stands against its limits: the receive-by while it waits, then the
 * answer-by with workdays left; once answered, when.
 */
export function HandoffLimit({ handoff: h }: { handoff: Handoff }) {
  if (h.status === 'answered') {
    return <Typography.Text type="secondary">反馈于 {formatTime(h.answeredAt)}</Typography.Text>;
  }
  return (
    <Space orientation="vertical" size={0}>
      {h.status === 'sent' && h.signDueAt && (
        <Typography.Text type="secondary">接收期限 {formatTime(h.signDueAt)}</Typography.Text>
      )}
      {h.resultDueAt ? (
        <Space size={4} wrap>
          <Typography.Text type="secondary">
            {h.status === 'reconsidering' ? '复议期限' : '反馈期限'}
          </Typography.Text>
          <Deadline
            status={clockStatus(h.status)}
            dueAt={h.resultDueAt}
            level={h.escalationLevel}
          />
        </Space>
      ) : (
        '—'
      )}
    </Space>
  );
}
