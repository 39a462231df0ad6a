import { LOGIN_FAILURE_LABELS, type LoginLogEntry } from '@lianxi/domain';
import { Card, Empty, Table, Tag, Typography } from 'antd';
import { exportPath, useLoginLogPage } from '../../api/logs';
import { ExportButton } from '../../components/ExportButton';
import { QueryState } from '../../components/QueryState';
import { SearchBar, type SearchField } from '../../components/SearchBar';
import { urlTableProps } from '../../components/server-table';
import { useUrlFilters } from '../../lib/url-filters';
import { formatSeconds } from './log-format';

const SEARCH = ['username', 'result', 'ip', 'from', 'to'] as const;

const FIELDS: SearchField[] = [
  { kind: 'text', name: 'username', placeholder: '用户名', width: 150 },
  {
    kind: 'select',
    name: 'result',
    placeholder: '结果',
    width: 110,
    options: [
      { value: 'success', label: '成功' },
      { value: 'failure', label: '失败' },
    ],
  },
  { kind: 'text', name: 'ip', placeholder: 'IP 地址或网段', width: 170 },
  { kind: 'dates', from: 'from', to: 'to', placeholder: ['登录日期自', '登录日期至'] },
];

/** 登录日志: every attempt to log in to this conference, who, when, from where, and how it went. */
export default function LoginLogPage() {
  const list = useUrlFilters(SEARCH);
  const query = useLoginLogPage(list.apiQuery);
  return (
    <Card
      title="登录日志"
      extra={
        <ExportButton
          path={exportPath('/api/exports/login-log.xlsx', list.apiQuery)}
          fileName="登录日志.xlsx"
          label="导出"
          testId="login-log-export"
        />
      }
    >
      <SearchBar
        fields={FIELDS}
        values={list.filters}
        onSearch={list.setFilters}
        onReset={list.reset}
      />
      <QueryState {...query}>
        {(page) => (
          <Table<LoginLogEntry>
            data-testid="login-log-list"
            rowKey="id"
            dataSource={page.items}
            loading={query.isFetching}
            tableLayout="fixed"
            scroll={{ x: 860 }}
            {...urlTableProps(list, page)}
            locale={{ emptyText: <Empty description="没有符合条件的登录记录" /> }}
            columns={[
              { title: '时间', dataIndex: 'at', width: 170, render: formatSeconds },
              { title: '用户名', dataIndex: 'username', width: 130, className: 'lx-wrap' },
              {
                title: '结果',
                key: 'result',
                width: 200,
                render: (_, e) =>
                  e.success ? (
                    <Tag color="green">成功</Tag>
                  ) : (
                    <span data-testid="login-failure">
                      <Tag color="red">失败</Tag>
                      {e.reason ? (LOGIN_FAILURE_LABELS[e.reason] ?? e.reason) : null}
                    </span>
                  ),
              },
              { title: 'IP 地址', dataIndex: 'ip', width: 140, render: (ip) => ip ?? '—' },
              {
                title: '浏览器',
                dataIndex: 'userAgent',
                render: (ua: string | null | undefined) =>
                  ua ? (
                    <Typography.Text ellipsis={{ tooltip: ua }} style={{ maxWidth: '100%' }}>
                      {ua}
                    </Typography.Text>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
