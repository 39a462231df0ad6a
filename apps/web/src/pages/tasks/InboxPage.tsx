import type { TaskStatus } from '@lianxi/domain';
import { Badge, Card, Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { SearchBar, type SearchField } from '../../components/SearchBar';
import { LEVEL_OPTIONS } from '../../components/search-fields';
import { TaskTable } from '../../components/TaskTable';
import { type UrlFilters, useUrlFilters } from '../../lib/url-filters';
import { useTaskList } from '../../api/tasks';

const FILTERS = ['q', 'level', 'dueFrom', 'dueTo'] as const;
const FIELDS: SearchField[] = [
  { kind: 'text', name: 'q', placeholder: '编号 / 标题' },
  { kind: 'select', name: 'level', placeholder: '督办等级', options: LEVEL_OPTIONS, width: 160 },
  { kind: 'dates', from: 'dueFrom', to: 'dueTo', placeholder: ['期限自', '期限至'] },
];
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** Each tab is one request: its statuses go to the API together (`status=a,b`). */
const TABS: { key: string; label: string; statuses: TaskStatus[]; empty: string }[] = [
  { key: 'issued', label: '待签收', statuses: ['issued'], empty: '没有待签收的任务' },
  { key: 'doing', label: '办理中', statuses: ['accepted', 'returned'], empty: '没有办理中的任务' },
  { key: 'done', label: '已反馈', statuses: ['reported'], empty: '没有已反馈的任务' },
  { key: 'closed', label: '已办结', statuses: ['closed'], empty: '没有已办结的任务' },
  { key: 'all', label: '全部', statuses: [], empty: '暂无任务' },
];

const statusParam = (statuses: TaskStatus[]) => (statuses.length ? statuses.join(',') : undefined);

/** What is due first comes first, unless the clerk sorts otherwise. */
const DEFAULT_SORT = 'dueAt';

function TabBody({
  tab,
  list,
}: {
  tab: (typeof TABS)[number];
  list: UrlFilters<(typeof FILTERS)[number]>;
}) {
  const sort = list.sort ?? DEFAULT_SORT;
  const query = useTaskList({
    ...list.apiQuery,
    sort,
    status: statusParam(tab.statuses),
  });
  return (
    <QueryState {...query}>
      {(page) => (
        <TaskTable
          tasks={page.items}
          showUnit={false}
          empty={tab.empty}
          testId={`inbox-${tab.key}`}
          listTitle="我的任务"
          loading={query.isFetching}
          paging={{
            page: list.page,
            pageSize: list.pageSize,
            total: page.total ?? page.items.length,
            onChange: list.setPage,
            sort,
            onSort: list.setSort,
          }}
        />
      )}
    </QueryState>
  );
}

/** The tab's count under the same search: one row asked for, the total counted by the server. */
function TabLabel({ tab, filters }: { tab: (typeof TABS)[number]; filters: Filters }) {
  const { data } = useTaskList({
    ...filters,
    status: statusParam(tab.statuses),
    offset: 0,
    limit: 1,
  });
  const count = data?.total;
  return (
    <Space size={6} data-testid={`inbox-tab-${tab.key}`}>
      {tab.label}
      {count !== undefined && (
        <Badge
          count={count}
          showZero
          overflowCount={999}
          color={count && tab.key !== 'closed' && tab.key !== 'all' ? '#b71c1c' : '#bfbfbf'}
        />
      )}
    </Space>
  );
}

/** 成员单位的任务箱: to sign for, in hand, reported, closed, and everything, each paged. */
export default function InboxPage() {
  const [params, setParams] = useSearchParams();
  const list = useUrlFilters(FILTERS);
  const active = TABS.some((t) => t.key === params.get('tab')) ? params.get('tab')! : 'issued';
  return (
    <Card title="我的任务" data-testid="unit-inbox">
      <SearchBar
        fields={FIELDS}
        values={list.filters}
        onSearch={list.setFilters}
        onReset={list.reset}
      />
      <Tabs
        activeKey={active}
        destroyOnHidden
        onChange={(key) =>
          setParams((prev) => {
            // the search stays across tabs; the page starts again
            const next = new URLSearchParams(prev);
            next.set('tab', key);
            next.delete('page');
            return next;
          })
        }
        items={TABS.map((t) => ({
          key: t.key,
          label: <TabLabel tab={t} filters={list.filters} />,
          children: <TabBody tab={t} list={list} />,
        }))}
      />
    </Card>
  );
}
