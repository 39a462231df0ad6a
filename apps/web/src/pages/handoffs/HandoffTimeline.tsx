import { HANDOFF_EVENT_LABELS, type HandoffEvent } from '@lianxi/domain';
import { Empty, Space, Timeline, Typography } from 'antd';
import { useUnitNames } from '../../api/units';
import { OutcomeTag } from '../../components/clue-tags';
import { colourOfLevel, ColourTag } from '../../components/tags';
import { formatTime, LEVEL_LABELS } from '../../lib/format';

const EVENT_COLOURS: Partial<Record<HandoffEvent['kind'], string>> = {
  answered: 'green',
  reconsideration_requested: 'orange',
  procuratorate_requested: 'purple',
  escalated: 'red',
  urged: 'orange',
  supervised: 'red',
};

/** What happened to a hand-off, oldest first: who acted, and what they said. */
export function HandoffTimeline({ events }: { events: HandoffEvent[] }) {
  const unitName = useUnitNames();
  if (events.length === 0) return <Empty description="暂无办理记录" />;
  // the person and the unit they acted for: 张三（区公安分局）; the clock acts as 系统
  const side = (e: HandoffEvent) =>
    e.unitId
      ? unitName(e.unitId)
      : e.kind === 'escalated'
        ? '系统'
        : e.kind === 'urged' || e.kind === 'supervised'
          ? '督查人员'
          : '打传办';
  const actor = (e: HandoffEvent) => (e.actorName ? `${e.actorName}（${side(e)}）` : side(e));
  return (
    <Timeline
      data-testid="handoff-timeline"
      items={events.map((e, i) => {
        const colour = e.level ? colourOfLevel(e.level) : null;
        return {
          key: i,
          color:
            e.outcome === 'refused' || e.outcome === 'not_crime'
              ? 'red'
              : (EVENT_COLOURS[e.kind] ?? 'blue'),
          content: (
            <div>
              <Space wrap size={4}>
                <Typography.Text strong>{HANDOFF_EVENT_LABELS[e.kind] ?? e.kind}</Typography.Text>
                <Typography.Text type="secondary">
                  {formatTime(e.at)} · {actor(e)}
                </Typography.Text>
                {e.outcome && <OutcomeTag outcome={e.outcome} />}
                {colour && e.level && <ColourTag colour={colour} label={LEVEL_LABELS[e.level]} />}
              </Space>
              {e.text && <div className="lx-pre">{e.text}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
