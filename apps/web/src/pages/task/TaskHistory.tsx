import type { TaskDetail } from '@lianxi/domain';
import { ROLE_LABELS, type Role } from '@lianxi/domain';
import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useEscalations } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { ColourTag, colourOfLevel } from '../../components/tags';
import {
  ESCALATION_REASON_LABELS,
  EVENT_LABELS,
  formatTime,
  LEVEL_LABELS,
  statusLabel,
} from '../../lib/format';

const actorLabel = (role: string) =>
  role === 'system' ? '系统' : (ROLE_LABELS[role as Role] ?? role);

const EVENT_COLOURS: Record<string, string> = {
  approve: 'green',
  reject: 'red',
  return: 'red',
  withdraw: 'gray',
  reassign: 'gray',
};

/** What happened to the task, oldest first, in the clerks' words. */
export function EventTimeline({ task }: { task: TaskDetail }) {
  if (task.events.length === 0) return <Empty description="暂无办理记录" />;
  return (
    <Timeline
      data-testid="task-timeline"
      items={task.events.map((e, i) => ({
        key: i,
        color: EVENT_COLOURS[e.action] ?? 'blue',
        content: (
          <div>
            <Space wrap size={4}>
              <Typography.Text strong>{EVENT_LABELS[e.action] ?? e.action}</Typography.Text>
              <Typography.Text type="secondary">
                {formatTime(e.at)} · {actorLabel(e.actorRole)}
              </Typography.Text>
              {e.toStatus && e.fromStatus !== e.toStatus && (
                <Tag>
                  {e.fromStatus ? `${statusLabel(e.fromStatus)} → ` : ''}
                  {statusLabel(e.toStatus)}
                </Tag>
              )}
            </Space>
            {e.note && <div className="lx-pre">{e.note}</div>}
          </div>
        ),
      }))}
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
