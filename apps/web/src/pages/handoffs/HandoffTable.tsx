import type { Handoff } from '@lianxi/domain';
import { Empty, Grid, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useFromList } from '../../components/Breadcrumbs';
import { serverPagination, type ServerPaging } from '../../components/server-table';
import { sortFromTable, sortOrderOf } from '../../lib/url-filters';
import { useUnitNames } from '../../api/units';
import {
  HandoffKindTag,
  HandoffLimit,
  HandoffStatusTag,
  OutcomeTag,
} from '../../components/clue-tags';
import { colourOfLevel, EscalationTag } from '../../components/tags';
import { senderName } from '../../lib/clues';
import { TimeCell } from '../../components/TimeCell';
import { HandoffActions } from './HandoffActions';

interface Props {
  handoffs: Handoff[];
  empty?: string;
  testId?: string;
  /** On a clue's page the clue column would only repeat the page's own serial. */
  showClue?: boolean;
  /** a box paged by the server; without it every row given is shown */
  paging?: ServerPaging;
}

/** Hand-offs with where each stands: status, answer, limits, escalation, and what to do. */
export function HandoffTable({
  handoffs,
  empty = '暂无移送件',
  testId,
  showClue = true,
  paging,
}: Props) {
  const unitName = useUnitNames();
  const from = useFromList('移送件');
  const wide = Grid.useBreakpoint().md;
  const sortable = (key: string) =>
    paging?.onSort ? { sorter: true, sortOrder: sortOrderOf(paging.sort, key) } : {};
  const columns: ColumnsType<Handoff> = [
    ...(showClue
      ? [
          {
            title: '线索',
            key: 'clue',
            width: 150,
            className: 'lx-wrap',
            render: (_: unknown, h: Handoff) => (
              <Link to={`/clues/${h.clueId}`} data-testid="handoff-clue-link">
                {h.clueSerial}
              </Link>
            ),
          },
        ]
      : []),
    {
      // how it was handed on sits under who handed it to whom: one column fewer at 1366 px
      title: '移送方 → 接收单位',
      key: 'route',
      className: 'lx-wrap',
      render: (_, h) => (
        <>
          <Link to={`/handoffs/${h.id}`} state={from} data-testid="handoff-link">
            {senderName(unitName, h.fromUnitId)} → {unitName(h.toUnitId)}
          </Link>
          <Space size={[2, 2]} wrap style={{ display: 'flex', marginTop: 4 }}>
            <HandoffKindTag kind={h.kind} />
            {h.byRule && <Tag>按规则</Tag>}
          </Space>
        </>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 112,
      render: (_, h) => (
        <Space size={[2, 2]} wrap>
          <HandoffStatusTag status={h.status} />
          {h.outcome && <OutcomeTag outcome={h.outcome} />}
        </Space>
      ),
    },
    {
      title: '期限',
      key: 'resultDueAt',
      width: 196,
      className: 'lx-wrap',
      ...sortable('resultDueAt'),
      render: (_, h) => <HandoffLimit handoff={h} />,
    },
    {
      title: '督办',
      key: 'level',
      dataIndex: 'escalationLevel',
      width: 96,
      ...sortable('level'),
      render: (level: number) => <EscalationTag level={level} />,
    },
    {
      title: '移送时间',
      key: 'sentAt',
      dataIndex: 'sentAt',
      width: 132,
      ...sortable('sentAt'),
      render: (at: string) => <TimeCell iso={at} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 168,
      // the buttons stay in view at 1366 px however far the other columns reach; a phone
      // scrolls to them instead, as a fixed column would take half its width
      fixed: wide ? 'right' : undefined,
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
        tableLayout="fixed"
        scroll={{ x: showClue ? 1040 : 890 }}
        pagination={paging ? serverPagination(paging) : false}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action === 'sort') paging?.onSort?.(sortFromTable(sorter));
        }}
        rowClassName={(h) => {
          const colour = colourOfLevel(h.escalationLevel);
          return colour ? `lx-row-${colour}` : '';
        }}
        locale={{ emptyText: <Empty description={empty} /> }}
      />
    </div>
  );
}
