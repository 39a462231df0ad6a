import type { SupervisionCase } from '@lianxi/domain';
import { Card, Empty, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useUnitNames } from '../../api/units';
import { useFromList } from '../../components/Breadcrumbs';
import { QueryState } from '../../components/QueryState';
import { SearchBar, type SearchField } from '../../components/SearchBar';
import { LEVEL_OPTIONS, options, useUnitField } from '../../components/search-fields';
import { EscalationTag } from '../../components/tags';
import { urlTableProps } from '../../components/server-table';
import { formatTime } from '../../lib/format';
import { sortOrderOf, useUrlFilters } from '../../lib/url-filters';
import { useCaseList } from '../../api/supervision';

const FILTERS = ['q', 'subjectType', 'unitId', 'level', 'from', 'to'] as const;

const SUBJECTS = { task: '任务', handoff: '移送件' } as const;

function CaseTable({ status }: { status: 'open' | 'closed' }) {
  const list = useUrlFilters(FILTERS);
  const query = useCaseList({
    ...list.apiQuery,
    status,
  });
  const unitName = useUnitNames();
  const from = useFromList('督办件');
  const unitField = useUnitField('责任单位');
  const fields: SearchField[] = [
    { kind: 'text', name: 'q', placeholder: '编号 / 事项' },
    {
      kind: 'select',
      name: 'subjectType',
      placeholder: '类别',
      options: options(SUBJECTS),
      width: 110,
    },
    unitField,
    { kind: 'select', name: 'level', placeholder: '督办等级', options: LEVEL_OPTIONS.slice(1) },
    { kind: 'dates', from: 'from', to: 'to', placeholder: ['立案自', '立案至'] },
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
          <div data-testid={`cases-${status}`}>
            <Table<SupervisionCase>
              rowKey="id"
              dataSource={page.items}
              loading={query.isFetching}
              tableLayout="fixed"
              scroll={{ x: 860 }}
              {...urlTableProps(list, page)}
              locale={{
                emptyText: (
                  <Empty description={status === 'open' ? '没有在办督办件' : '没有已办结督办件'} />
                ),
              }}
              columns={[
                {
                  title: '等级',
                  key: 'level',
                  dataIndex: 'level',
                  width: 120,
                  sorter: true,
                  sortOrder: sortOrderOf(list.sort, 'level'),
                  render: (l: number) => <EscalationTag level={l} />,
                },
                {
                  title: '编号',
                  dataIndex: 'serial',
                  width: 190,
                  render: (serial: string, c) => (
                    <>
                      <Tag>{SUBJECTS[c.subjectType]}</Tag>
                      {serial}
                    </>
                  ),
                },
                {
                  title: '事项',
                  dataIndex: 'title',
                  ellipsis: { showTitle: false },
                  render: (t: string, c) => (
                    <Typography.Text ellipsis={{ tooltip: t }} style={{ maxWidth: '100%' }}>
                      <Link to={`/supervision/cases/${c.id}`} state={from}>
                        {t}
                      </Link>
                    </Typography.Text>
                  ),
                },
                { title: '责任单位', dataIndex: 'unitId', width: 130, render: unitName },
                {
                  title: '立案时间',
                  key: 'openedAt',
                  dataIndex: 'openedAt',
                  width: 180,
                  sorter: true,
                  sortOrder: sortOrderOf(list.sort, 'openedAt'),
                  render: formatTime,
                },
                {
                  title: status === 'open' ? '状态' : '办结时间',
                  key: 'state',
                  width: 180,
                  render: (_, c) =>
                    c.status === 'open' ? (
                      <Tag color="processing">督办中</Tag>
                    ) : (
                      formatTime(c.closedAt)
                    ),
                },
              ]}
            />
          </div>
        )}
      </QueryState>
    </>
  );
}

/** 督办件: what supervisors work on once an item reaches level 2. */
export default function CasesPage() {
  const [params, setParams] = useSearchParams();
  const active = params.get('status') === 'closed' ? 'closed' : 'open';
  return (
    <Card title="督办件">
      <Tabs
        activeKey={active}
        onChange={(k) =>
          setParams((prev) => {
            // the search stays; the page starts again in the other tab
            const next = new URLSearchParams(prev);
            next.set('status', k);
            next.delete('page');
            return next;
          })
        }
        items={[
          { key: 'open', label: '督办中', children: <CaseTable status="open" /> },
          { key: 'closed', label: '已办结', children: <CaseTable status="closed" /> },
        ]}
      />
    </Card>
  );
}
