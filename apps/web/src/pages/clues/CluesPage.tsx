import { CLUE_CATEGORY_LABELS, CLUE_CHANNEL_LABELS, type Clue } from '@lianxi/domain';
import { Badge, Button, Card, Segmented, Space, type TableColumnType, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { clueExportPath, useClueSearch } from '../../api/clues';
import { useUnitNames } from '../../api/units';
import { isOffice, useMe } from '../../auth';
import { useFromList } from '../../components/Breadcrumbs';
import { CategoryTag, ClueStatusTag } from '../../components/clue-tags';
import { ExportButton } from '../../components/ExportButton';
import { SearchableList } from '../../components/SearchableList';
import type { SearchField } from '../../components/SearchBar';
import { options, useUnitField } from '../../components/search-fields';
import { OFFICE_NAME } from '../../lib/clues';
import { formatDate } from '../../lib/format';
import { TimeCell } from '../../components/TimeCell';
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
  width: 220,
  render: (_, c) =>
    c.closedAt ? (
      <Space orientation="vertical" size={0} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{formatDate(c.closedAt)}</Typography.Text>
        <Typography.Text
          ellipsis={{ tooltip: c.conclusion }}
          style={{ maxWidth: 196 }}
          data-testid="clue-list-conclusion"
        >
          {c.conclusion}
        </Typography.Text>
      </Space>
    ) : (
      '—'
    ),
};

/**
 * What only the 在办 list has room for: 乡镇 and 举报次数 (sortable). The other lists give that
 * width to 办结情况 and show a repeated report's count beside the subject instead.
 */
const openColumns = (sort: string | undefined): TableColumnType<Clue>[] => [
  {
    title: '乡镇',
    dataIndex: 'township',
    width: 96,
    ellipsis: { showTitle: false },
    render: (t: string | null) =>
      t ? (
        <Typography.Text ellipsis={{ tooltip: t }} style={{ maxWidth: '100%' }}>
          {t}
        </Typography.Text>
      ) : (
        '—'
      ),
  },
  {
    title: '举报次数',
    key: 'reportCount',
    dataIndex: 'reportCount',
    width: 100,
    sorter: true,
    sortOrder: sortOrderOf(sort, 'reportCount'),
    render: (n: number) =>
      n > 1 ? <Badge count={n} color="#b71c1c" /> : <Typography.Text>1</Typography.Text>,
  },
];

/** The list's query under the 在办 / 已办结 / 全部 switch: what the table shows and the export writes. */
const clueQuery = (apiQuery: Record<string, string | number | undefined>, filter: Filter) => ({
  ...apiQuery,
  status: filter === 'all' ? undefined : filter,
});

function ClueTable({ filter }: { filter: Filter }) {
  const me = useMe();
  const list = useUrlFilters(SEARCH);
  const query = useClueSearch(clueQuery(list.apiQuery, filter));
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
    <SearchableList<Clue, (typeof SEARCH)[number]>
      list={list}
      fields={fields}
      query={query}
      testId="clue-list"
      empty="暂无线索"
      scrollX={1000}
      columns={[
        {
          title: '编号',
          dataIndex: 'serial',
          width: 164,
          className: 'lx-wrap',
        },
        {
          title: '涉嫌主体',
          key: 'subject',
          className: 'lx-wrap',
          render: (_, c) => (
            <Space size={4} wrap>
              <Link to={`/clues/${c.id}`} state={from} data-testid="clue-link">
                {c.subject.name}
              </Link>
              {filter !== 'open' && c.reportCount > 1 && (
                <Badge count={c.reportCount} color="#b71c1c" title="举报次数" />
              )}
            </Space>
          ),
        },
        {
          title: '类型 / 来源',
          key: 'category',
          width: 116,
          className: 'lx-wrap',
          render: (_, c) => (
            <>
              <CategoryTag category={c.category} />
              <div>{CLUE_CHANNEL_LABELS[c.channel]}</div>
            </>
          ),
        },
        ...(filter === 'open' ? openColumns(list.sort) : []),
        {
          title: '受理单位',
          key: 'owner',
          width: 120,
          className: 'lx-wrap',
          render: (_, c) => (c.owningUnitId ? unitName(c.owningUnitId) : OFFICE_NAME),
        },
        {
          title: '状态',
          dataIndex: 'status',
          width: 80,
          render: (_, c) => <ClueStatusTag status={c.status} />,
        },
        {
          title: '登记时间',
          key: 'createdAt',
          dataIndex: 'createdAt',
          width: 132,
          sorter: true,
          sortOrder: sortOrderOf(list.sort, 'createdAt'),
          render: (at: string) => <TimeCell iso={at} />,
        },
        ...(filter === 'open' ? [] : [closingColumn]),
      ]}
    />
  );
}

/** 线索管理: every clue the caller may see, searched and paged by the server. */
export default function CluesPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const filter: Filter = raw === 'closed' || raw === 'all' ? raw : 'open';
  const canEnter = isOffice(me.role) || me.role === 'unit';
  const list = useUrlFilters(SEARCH);
  return (
    <Card
      title={isOffice(me.role) ? '线索管理' : '线索'}
      extra={
        <Space wrap>
          <ExportButton
            path={clueExportPath(clueQuery(list.apiQuery, filter))}
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
