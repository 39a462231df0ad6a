import type { WorkOrderListItem } from '@lianxi/domain';
import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { isOffice, useMe } from '../../auth';
import { useFromList } from '../../components/Breadcrumbs';
import { QueryState } from '../../components/QueryState';
import { SearchBar, type SearchField } from '../../components/SearchBar';
import { options, useUnitField } from '../../components/search-fields';
import { urlTableProps } from '../../components/server-table';
import { formatTime, ORDER_STATUS_LABELS, PRIORITY_LABELS } from '../../lib/format';
import { sortOrderOf, useUrlFilters } from '../../lib/url-filters';
import { useWorkOrderList } from '../../api/work-orders';

const ORDER_COLOURS = { open: 'processing', closed: 'success', withdrawn: 'default' } as const;
const FILTERS = [
  'q',
  'unitId',
  'status',
  'priority',
  'issuedFrom',
  'issuedTo',
  'dueFrom',
  'dueTo',
] as const;

/** 交办单, searched and paged by the server; the filters live in the URL. */
export default function WorkOrdersPage() {
  const me = useMe();
  const list = useUrlFilters(FILTERS);
  const query = useWorkOrderList(list.apiQuery);
  const from = useFromList('交办单');
  const unitField = useUnitField('承办单位');
  const fields: SearchField[] = [
    { kind: 'text', name: 'q', placeholder: '编号 / 标题' },
    ...(isOffice(me.role) ? [unitField] : []),
    { kind: 'select', name: 'status', placeholder: '状态', options: options(ORDER_STATUS_LABELS) },
    {
      kind: 'select',
      name: 'priority',
      placeholder: '紧急程度',
      options: options(PRIORITY_LABELS),
    },
    { kind: 'dates', from: 'issuedFrom', to: 'issuedTo', placeholder: ['下发自', '下发至'] },
    { kind: 'dates', from: 'dueFrom', to: 'dueTo', placeholder: ['期限自', '期限至'] },
  ];
  return (
    <Card
      title="交办单"
      extra={
        isOffice(me.role) && (
          <Link to="/work-orders/new">
            <Button type="primary">下发交办单</Button>
          </Link>
        )
      }
    >
      <SearchBar
        fields={fields}
        values={list.filters}
        onSearch={list.setFilters}
        onReset={list.reset}
      />
      <QueryState {...query}>
        {(page) => (
          <div data-testid="work-order-list">
            <Table<WorkOrderListItem>
              rowKey="id"
              dataSource={page.items}
              loading={query.isFetching}
              tableLayout="fixed"
              scroll={{ x: 820 }}
              {...urlTableProps(list, page)}
              locale={{ emptyText: <Empty description="暂无交办单" /> }}
              columns={[
                { title: '编号', dataIndex: 'serial', width: 170 },
                {
                  title: '标题',
                  dataIndex: 'title',
                  ellipsis: { showTitle: false },
                  render: (t: string, o) => (
                    <Typography.Text ellipsis={{ tooltip: t }} style={{ maxWidth: '100%' }}>
                      <Link to={`/work-orders/${o.id}`} state={from}>
                        {t}
                      </Link>
                    </Typography.Text>
                  ),
                },
                {
                  title: '紧急程度',
                  dataIndex: 'priority',
                  width: 96,
                  render: (p: WorkOrderListItem['priority']) => (
                    <Tag color={p === 'urgent' ? 'volcano' : 'default'}>{PRIORITY_LABELS[p]}</Tag>
                  ),
                },
                {
                  title: '状态',
                  dataIndex: 'status',
                  width: 90,
                  render: (s: WorkOrderListItem['status']) => (
                    <Tag color={ORDER_COLOURS[s]}>{ORDER_STATUS_LABELS[s]}</Tag>
                  ),
                },
                {
                  title: '下发时间',
                  key: 'issuedAt',
                  dataIndex: 'issuedAt',
                  width: 180,
                  sorter: true,
                  sortOrder: sortOrderOf(list.sort, 'issuedAt'),
                  render: formatTime,
                },
                {
                  title: '办理期限',
                  key: 'dueAt',
                  dataIndex: 'dueAt',
                  width: 180,
                  sorter: true,
                  sortOrder: sortOrderOf(list.sort, 'dueAt'),
                  render: formatTime,
                },
              ]}
            />
          </div>
        )}
      </QueryState>
    </Card>
  );
}
