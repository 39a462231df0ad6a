import type { OverdueItem } from '@lianxi/domain';
import { Card, Segmented, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useOverdueHandoffs } from '../../api/handoffs';
import { useOverdue } from '../../api/supervision';
import { OverdueTable } from '../../components/OverdueTable';
import { QueryState } from '../../components/QueryState';
import { type Colour, COLOUR_LABELS, ColourTag } from '../../components/tags';
import { HandoffTable } from '../handoffs/HandoffTable';

const FILTERS: { value: Colour | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  ...(['red', 'orange', 'yellow'] as const).map((c) => ({ value: c, label: COLOUR_LABELS[c] })),
];

/** Overdue tasks, red first, with a filter by colour. */
function OverdueTasks() {
  const query = useOverdue();
  const [filter, setFilter] = useState<Colour | 'all'>('all');
  const count = (items: OverdueItem[], c: Colour | 'all') =>
    c === 'all' ? items.length : items.filter((i) => i.colour === c).length;
  return (
    <QueryState {...query}>
      {(items) => (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 8 }}>
          {/* Four long labels do not fit a phone: let the filter scroll instead of the page. */}
          <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
            <Segmented
              value={filter}
              onChange={(v) => setFilter(v as Colour | 'all')}
              options={FILTERS.map((f) => ({
                value: f.value,
                label: `${f.label}（${count(items, f.value)}）`,
              }))}
            />
          </div>
          <OverdueTable
            items={filter === 'all' ? items : items.filter((i) => i.colour === filter)}
          />
        </div>
      )}
    </QueryState>
  );
}

/** Hand-offs whose receiving unit is past its limit, and seized items not handed over. */
function OverdueHandoffs() {
  const query = useOverdueHandoffs();
  return (
    <QueryState {...query}>
      {(items) => (
        <HandoffTable handoffs={items} empty="没有逾期的移送件" testId="overdue-handoffs" />
      )}
    </QueryState>
  );
}

/**
 * 督办台: every open overdue item — tasks, and clues handed to a unit — worst first,
 * refreshed every half minute.
 */
export default function OverduePage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'handoffs' ? 'handoffs' : 'tasks';
  return (
    <Card
      title="督办台"
      data-testid="overdue-board"
      extra={
        <Space size={4} wrap>
          <ColourTag colour="red" />
          <ColourTag colour="orange" />
          <ColourTag colour="yellow" />
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'tasks' ? {} : { tab: key })}
        items={[
          { key: 'tasks', label: '逾期任务', children: <OverdueTasks /> },
          { key: 'handoffs', label: '逾期移送件', children: <OverdueHandoffs /> },
        ]}
      />
    </Card>
  );
}
