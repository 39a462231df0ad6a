import { CLUE_CATEGORY_LABELS, CLUE_CHANNEL_LABELS, type Clue } from '@lianxi/domain';
import {
  Badge,
  Button,
  Card,
  Empty,
  Segmented,
  Space,
  Table,
  type TableColumnType,
  Typography,
} from 'antd';
import { Link, useSearchParams } from 'react-router';
import { clueKeys } from '../../api/clues';
import { useListPage, useUnitNames } from '../../api/queries';
import { isOffice, useMe } from '../../auth';
import { useFromList } from '../../components/Breadcrumbs';
import { CategoryTag, ClueStatusTag } from '../../components/clue-tags';
import { ExportButton } from '../../components/ExportButton';
import { QueryState } from '../../components/QueryState';
import { SearchBar, type SearchField } from '../../components/SearchBar';
import { options, useUnitField } from '../../components/search-fields';
import { urlTableProps } from '../../components/server-table';
import { OFFICE_NAME } from '../../lib/clues';
import { formatTime } from '../../lib/format';
import { sortOrderOf, useUrlFilters } from '../../lib/url-filters';

type Filter = 'open' | 'closed' | 'all';
const SEARCH = ['q', 'channel', 'category', 'township', 'unitId', 'from', 'to'] as const;
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'open', label: '在办' },
  { value: 'closed', label: '已办结' },
  { value: 'all', label: '全部' },
];

/** 办结情况 in the closed (and the whole) list: when, and the conclusion in a line. */
const closingColumn: TableColumnType<Clue> = {
  title: '办结情况',
  key: 'closing',
  width: 260,
  render: (_, c) =>
    c.closedAt ? (
      <Space orientation="vertical" size={0} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{formatTime(c.closedAt)}</Typography.Text>
        <Typography.Text
          ellipsis={{ tooltip: c.conclusion }}
          style={{ maxWidth: 236 }}
          data-testid="clue-list-conclusion"
        >
          {c.conclusion}
        </Typography.Text>
      </Space>
    ) : (
      '—'
    ),
};

function ClueTable({ filter }: { filter: Filter }) {
  const me = useMe();
  const list = useUrlFilters(SEARCH);
  const query = useListPage<Clue>(clueKeys.clues, '/api/clues', {
    ...list.apiQuery,
    status: filter === 'all' ? undefined : filter,
  });
  const unitName = useUnitNames();
  const from = useFromList('线索');
  const unitField = useUnitField('受理单位');
  const fields: SearchField[] = [
    { kind: 'text', name: 'q', placeholder: '编号 / 主体 / 信用代码', width: 220 },
    { kind: 'select', name: 'channel', placeholder: '来源', options: options(CLUE_CHANNEL_LABELS) },
    {
      kind: 'select',
      name: 'category',
      placeholder: '类型',
      options: options(CLUE_CATEGORY_LABELS),
      width: 120,
    },
    { kind: 'text', name: 'township', placeholder: '乡镇（街道）', width: 150 },
    ...(me.role === 'unit' ? [] : [unitField]),
    { kind: 'dates', from: 'from', to: 'to', placeholder: ['登记自', '登记至'] },
  ];
  return (
    <>
      <SearchBar
        fields={fields}
        values={list.filters}
        onSearch={list.setFilters}
        onReset={list.reset}
      />
      <QueryState {...query}>
        {(page) => (
          <div data-testid="clue-list">
            <Table<Clue>
              rowKey="id"
              dataSource={page.items}
              loading={query.isFetching}
              tableLayout="fixed"
              scroll={{ x: filter === 'open' ? 1180 : 1440 }}
              {...urlTableProps(list, page)}
              locale={{ emptyText: <Empty description="暂无线索" /> }}
              columns={[
                { title: '编号', dataIndex: 'serial', width: 170 },
                {
                  title: '涉嫌主体',
                  key: 'subject',
                  width: 240,
                  className: 'lx-wrap',
                  render: (_, c) => (
                    <Link to={`/clues/${c.id}`} state={from} data-testid="clue-link">
                      {c.subject.name}
                    </Link>
                  ),
                },
                {
                  title: '类型',
                  dataIndex: 'category',
                  width: 110,
                  render: (_, c) => <CategoryTag category={c.category} />,
                },
                {
                  title: '来源',
                  dataIndex: 'channel',
                  width: 120,
                  render: (_, c) => CLUE_CHANNEL_LABELS[c.channel],
                },
                { title: '乡镇', dataIndex: 'township', width: 110, render: (t) => t ?? '—' },
                {
                  title: '举报次数',
                  key: 'reportCount',
                  dataIndex: 'reportCount',
                  width: 110,
                  sorter: true,
                  sortOrder: sortOrderOf(list.sort, 'reportCount'),
                  render: (n: number) =>
                    n > 1 ? (
                      <Badge count={n} color="#b71c1c" />
                    ) : (
                      <Typography.Text>1</Typography.Text>
                    ),
                },
                {
                  title: '受理单位',
                  key: 'owner',
                  width: 130,
                  className: 'lx-wrap',
                  render: (_, c) => (c.owningUnitId ? unitName(c.owningUnitId) : OFFICE_NAME),
                },
                {
                  title: '状态',
                  dataIndex: 'status',
                  width: 90,
                  render: (_, c) => <ClueStatusTag status={c.status} />,
                },
                {
                  title: '登记时间',
                  key: 'createdAt',
                  dataIndex: 'createdAt',
                  width: 180,
                  sorter: true,
                  sortOrder: sortOrderOf(list.sort, 'createdAt'),
                  render: formatTime,
                },
                ...(filter === 'open' ? [] : [closingColumn]),
              ]}
            />
          </div>
        )}
      </QueryState>
    </>
  );
}

/** 线索管理: every clue the caller may see, searched and paged by the server. */
export default function CluesPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const filter: Filter = raw === 'closed' || raw === 'all' ? raw : 'open';
  const canEnter = isOffice(me.role) || me.role === 'unit';
  return (
    <Card
      title={isOffice(me.role) ? '线索管理' : '线索'}
      extra={
        <Space wrap>
          <ExportButton
            path="/api/exports/clues.xlsx"
            fileName="线索台账.xlsx"
            testId="clues-export"
          />
          {canEnter && (
            <Link to="/clues/new">
              <Button type="primary">线索登记</Button>
            </Link>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Segmented<Filter>
          value={filter}
          options={FILTERS}
          onChange={(v) =>
            setParams((prev) => {
              // the search stays; the page starts again
              const next = new URLSearchParams(prev);
              next.set('status', v);
              next.delete('page');
              return next;
            })
          }
          data-testid="clue-filter"
        />
        {me.role === 'unit' && (
          <Typography.Text type="secondary">仅显示本单位受理或移送给本单位的线索。</Typography.Text>
        )}
        <ClueTable filter={filter} key={filter} />
      </Space>
    </Card>
  );
}
