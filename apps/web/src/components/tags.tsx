import { type Colour, LEVEL_LABELS, levelColour, type TaskStatus } from '@lianxi/domain';
import { Space, Tag, Typography } from 'antd';
import { deadlineState, deadlineText, isDueSoon, useWorkdayCalendar } from '../lib/deadline';
import { formatTime, STATUS_COLOURS, statusLabel } from '../lib/format';

export type { Colour };

/** Each colour's word: blue is due soon, the others are the ladder's levels. */
export const COLOUR_LABELS: Record<Colour, string> = {
  blue: '临期',
  yellow: LEVEL_LABELS[1],
  orange: LEVEL_LABELS[2],
  red: LEVEL_LABELS[3],
};

const COLOUR_STYLES: Record<Colour, { background: string; color: string; label: string }> = {
  blue: { background: '#1677ff', color: '#fff', label: COLOUR_LABELS.blue },
  yellow: { background: '#fadb14', color: '#5c4a00', label: COLOUR_LABELS.yellow },
  orange: { background: '#fa8c16', color: '#fff', label: COLOUR_LABELS.orange },
  red: { background: '#f5222d', color: '#fff', label: COLOUR_LABELS.red },
};

export const COLOUR_NAMES: Record<Colour, string> = {
  blue: '蓝色',
  yellow: '黄色',
  orange: '橙色',
  red: '红色',
};

export const colourOfLevel = levelColour;

/** The escalation colour as a solid tag; `data-colour` lets tests and scripts read it. */
export function ColourTag({ colour, label }: { colour: Colour; label?: string }) {
  const style = COLOUR_STYLES[colour];
  return (
    <Tag
      data-testid="colour-tag"
      data-colour={colour}
      variant="solid"
      style={{ background: style.background, color: style.color, borderColor: style.background }}
    >
      {label ?? style.label}
    </Tag>
  );
}

export function EscalationTag({ level }: { level: number }) {
  const colour = colourOfLevel(level);
  return colour ? <ColourTag colour={colour} label={COLOUR_LABELS[colour]} /> : null;
}

export function StatusTag({ status }: { status: TaskStatus }) {
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="status-tag" data-status={status}>
      {statusLabel(status)}
    </Tag>
  );
}

/** The deadline with where the task stands: 剩余 N 个工作日, 今日到期, 已逾期 or paused. */
export function Deadline({
  status,
  dueAt,
  level = 0,
}: {
  status: TaskStatus;
  dueAt: string;
  level?: number;
}) {
  const cal = useWorkdayCalendar();
  const state = deadlineState(cal, status, dueAt);
  const text = deadlineText(state);
  const type =
    state.kind === 'overdue' ? 'danger' : isDueSoon(state) ? 'warning' : ('secondary' as const);
  return (
    <Space size={4} wrap>
      <span>{formatTime(dueAt)}</span>
      {text && (
        <Typography.Text type={type} data-testid="deadline-state">
          {text}
        </Typography.Text>
      )}
      {level === 0 && isDueSoon(state) && <ColourTag colour="blue" />}
    </Space>
  );
}
