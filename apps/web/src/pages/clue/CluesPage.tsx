import { CLUE_CHANNEL_LABELS, type Clue } from '@lianxi/domain';
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
import { useClueList } from '../../api/clues';
import { useUnitNames } from '../../api/queries';
import { isOffice, useMe } from '../../auth';
import { CategoryTag, ClueStatusTag } from '../../components/clue-tags';
import { ExportButton } from '../../components/ExportButton';
import { PagedList } from '../../components/PagedList';
import { OFFICE_NAME } from '../../lib/clues';
import { formatTime } from '../../lib/format';

type Filter = 'open' | 'closed' | 'all';
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
  const query = useClueList(filter === 'all' ? undefined : filter);
  const unitName = useUnitNames();
  return (
    <PagedList query={query} moreTestId="clue-more">
      {(clues) => (
        <div data-testid="clue-list">
          <Table<Clue>
            rowKey="id"
            dataSource={clues}
            scroll={{ x: filter === 'open' ? 1000 : 1500 }}
            pagination={false}
            locale={{ emptyText: <Empty description="暂无线索" /> }}
            columns={[
              { title: '编号', dataIndex: 'serial', width: 150 },
              {
                title: '涉嫌主体',
                key: 'subject',
                render: (_, c) => (
                  <Link to={`/clues/${c.id}`} data-testid="clue-link">
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
                dataIndex: 'reportCount',
                width: 90,
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
                width: 170,
                render: (_, c) => (c.owningUnitId ? unitName(c.owningUnitId) : OFFICE_NAME),
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (_, c) => <ClueStatusTag status={c.status} />,
              },
              { title: '登记时间', dataIndex: 'createdAt', width: 190, render: formatTime },
              ...(filter === 'open' ? [] : [closingColumn]),
            ]}
          />
        </div>
      )}
    </PagedList>
  );
}

/** 线索管理: every clue the caller may see, newest first; 加载更多 pages on. */
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
          onChange={(v) => setParams({ status: v }, { replace: true })}
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
