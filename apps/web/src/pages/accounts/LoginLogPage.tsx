import { LOGIN_FAILURE_LABELS, type LoginLogEntry } from '@lianxi/domain';
import { Tag, Typography } from 'antd';
import { LOGIN_LOG_EXPORT, useLoginLogPage } from '../../api/accounts';
import type { SearchField } from '../../components/SearchBar';
import { useUrlFilters } from '../../lib/url-filters';
import { LogList } from '../audit/LogList';
import { formatSeconds } from '../audit/log-format';

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
    <LogList<LoginLogEntry, (typeof SEARCH)[number]>
      title="登录日志"
      exportFrom={LOGIN_LOG_EXPORT}
      exportTestId="login-log-export"
      list={list}
      fields={FIELDS}
      query={query}
      testId="login-log-list"
      empty="没有符合条件的登录记录"
      scrollX={860}
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
  );
}
