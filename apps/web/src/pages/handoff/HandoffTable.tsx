import type { Handoff } from '@lianxi/domain';
import { Empty, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useUnitNames } from '../../api/queries';
import {
  HandoffKindTag,
  HandoffLimit,
  HandoffStatusTag,
  OutcomeTag,
} from '../../components/clue-tags';
import { colourOfLevel, EscalationTag } from '../../components/tags';
import { senderName } from '../../lib/clues';
import { formatTime } from '../../lib/format';
import { HandoffActions } from './HandoffActions';

interface Props {
  handoffs: Handoff[];
  empty?: string;
  testId?: string;
  /** On a clue's page the clue column would only repeat the page's own serial. */
  showClue?: boolean;
}

/** Hand-offs with where each stands: status, answer, limits, escalation, and what to do. */
export function HandoffTable({ handoffs, empty = '暂无移送件', testId, showClue = true }: Props) {
  const unitName = useUnitNames();
  const columns: ColumnsType<Handoff> = [
    ...(showClue
      ? [
          {
            title: '线索',
            key: 'clue',
            width: 150,
            render: (_: unknown, h: Handoff) => (
              <Link to={`/clues/${h.clueId}`} data-testid="handoff-clue-link">
                {h.clueSerial}
              </Link>
            ),
          },
        ]
      : []),
    {
      title: '方式',
      key: 'kind',
      width: 150,
      render: (_, h) => (
        <Space size={2} wrap>
          <HandoffKindTag kind={h.kind} />
          {h.byRule && <Tag>按规则</Tag>}
        </Space>
      ),
    },
    {
      title: '移送方 → 接收单位',
      key: 'route',
      width: 230,
      render: (_, h) => (
        <Link to={`/handoffs/${h.id}`} data-testid="handoff-link">
          {senderName(unitName, h.fromUnitId)} → {unitName(h.toUnitId)}
        </Link>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 170,
      render: (_, h) => (
        <Space size={2} wrap>
          <HandoffStatusTag status={h.status} />
          {h.outcome && <OutcomeTag outcome={h.outcome} />}
        </Space>
      ),
    },
    {
      title: '期限',
      key: 'limit',
      width: 260,
      render: (_, h) => <HandoffLimit handoff={h} />,
    },
    {
      title: '督办',
      dataIndex: 'escalationLevel',
      width: 100,
      render: (level: number) => <EscalationTag level={level} />,
    },
    { title: '移送时间', dataIndex: 'sentAt', width: 180, render: formatTime },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, h) => <HandoffActions handoff={h} compact />,
    },
  ];
  return (
    <div data-testid={testId}>
      <Table<Handoff>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={handoffs}
        scroll={{ x: showClue ? 1400 : 1250 }}
        pagination={false}
        rowClassName={(h) => {
          const colour = colourOfLevel(h.escalationLevel);
          return colour ? `lx-row-${colour}` : '';
        }}
        locale={{ emptyText: <Empty description={empty} /> }}
      />
    </div>
  );
}
