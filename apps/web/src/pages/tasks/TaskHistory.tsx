import type { Attachment, TaskDetail, TaskEvent } from '@lianxi/domain';
import { ROLE_LABELS, type Role } from '@lianxi/domain';
import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { taskAttachmentsPath, useEscalations } from '../../api/tasks';
import { AttachmentItems, UploadButton } from '../../components/Attachments';
import { QueryState } from '../../components/QueryState';
import { colourOfLevel, ColourTag } from '../../components/tags';
import {
  ESCALATION_REASON_LABELS,
  EVENT_LABELS,
  formatTime,
  LEVEL_LABELS,
  statusLabel,
} from '../../lib/format';

const roleLabel = (role: string) =>
  role === 'system' ? '系统' : (ROLE_LABELS[role as Role] ?? role);

/**
 * Who acted, as a clerk names them: "公安联络员（区公安分局）". Staff of no unit (the office,
 * supervisors) are placed by their role; the system's own steps, and an account since
 * removed, by the role alone.
 */
export const actorLabel = (e: Pick<TaskEvent, 'actorRole' | 'actorName' | 'actorUnit'>) =>
  e.actorName
    ? `${e.actorName}（${e.actorUnit ?? roleLabel(e.actorRole)}）`
    : roleLabel(e.actorRole);

const EVENT_COLOURS: Record<string, string> = {
  approve: 'green',
  reject: 'red',
  return: 'red',
  withdraw: 'gray',
  reassign: 'gray',
};

interface EvidenceProps {
  /** The task's files; each entry shows those that name it. */
  attachments?: Attachment[];
  /** Whether the reader may add evidence to this entry (the unit, to its own 进展 / 反馈). */
  canAddTo?: (event: TaskEvent) => boolean;
  onUploaded?: () => unknown;
}

/** What happened to the task, oldest first, in the clerks' words, with each entry's evidence. */
export function EventTimeline({
  task,
  attachments = [],
  canAddTo = () => false,
  onUploaded,
}: { task: TaskDetail } & EvidenceProps) {
  if (task.events.length === 0) return <Empty description="暂无办理记录" />;
  return (
    <Timeline
      data-testid="task-timeline"
      items={task.events.map((e) => {
        const evidence = attachments.filter((a) => a.taskEventId === e.id);
        return {
          key: e.id,
          color: EVENT_COLOURS[e.action] ?? 'blue',
          content: (
            <div data-testid={`task-event-${e.action}`}>
              <Space wrap size={4}>
                <Typography.Text strong>{EVENT_LABELS[e.action] ?? e.action}</Typography.Text>
                <Typography.Text type="secondary">
                  {formatTime(e.at)} · <span data-testid="event-actor">{actorLabel(e)}</span>
                </Typography.Text>
                {e.toStatus && e.fromStatus !== e.toStatus && (
                  <Tag>
                    {e.fromStatus ? `${statusLabel(e.fromStatus)} → ` : ''}
                    {statusLabel(e.toStatus)}
                  </Tag>
                )}
              </Space>
              {e.note && <div className="lx-pre">{e.note}</div>}
              {evidence.length > 0 && (
                <div data-testid="event-evidence">
                  <AttachmentItems attachments={evidence} testId="event-evidence-list" />
                </div>
              )}
              {canAddTo(e) && (
                <div style={{ marginTop: 4 }}>
                  <UploadButton
                    path={taskAttachmentsPath(task.id)}
                    fields={{ eventId: String(e.id) }}
                    onUploaded={() => onUploaded?.()}
                    label="补传佐证材料"
                  />
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}

/** Every 催办 / 督办 / 挂牌督办 the task reached, per deadline version. */
export function EscalationHistory({ taskId }: { taskId: string }) {
  const query = useEscalations(taskId);
  return (
    <Card title="催办督办记录" size="small" data-testid="escalation-history">
      <QueryState {...query}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty description="未发生催办督办" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Timeline
              items={items.map((e, i) => {
                const colour = colourOfLevel(e.level);
                return {
                  key: i,
                  content: (
                    <Space wrap size={4}>
                      {colour && <ColourTag colour={colour} label={LEVEL_LABELS[e.level]} />}
                      <span>{ESCALATION_REASON_LABELS[e.reason]}</span>
                      <Typography.Text type="secondary">
                        {formatTime(e.at)}
                        {e.deadlineVersion > 1 ? `（第 ${e.deadlineVersion} 版期限）` : ''}
                      </Typography.Text>
                    </Space>
                  ),
                };
              })}
            />
          )
        }
      </QueryState>
    </Card>
  );
}
