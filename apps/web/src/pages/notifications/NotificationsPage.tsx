import { type Notification, NOTIFICATION_SUBJECT_LABELS } from '@lianxi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Card,
  Empty,
  Pagination,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useNavigate } from 'react-router';
import { keys } from '../../api/queries';
import { useErrorNotice } from '../../components/feedback';
import { ItemList } from '../../components/ItemList';
import { QueryState } from '../../components/QueryState';
import { SearchBar, type SearchField } from '../../components/SearchBar';
import { options } from '../../components/search-fields';
import { serverPagination } from '../../components/server-table';
import { formatTime } from '../../lib/format';
import { useUrlFilters } from '../../lib/url-filters';
import {
  markAllRead,
  markRead as readNotification,
  type ReadAllBody,
  useNotificationList,
} from '../../api/notifications';

/** Where a notice about a subject leads. */
function linkOf(n: Notification): string | null {
  if (!n.subjectId) return null;
  if (n.subjectType === 'task') return `/tasks/${n.subjectId}`;
  if (n.subjectType === 'supervision_case') return `/supervision/cases/${n.subjectId}`;
  if (n.subjectType === 'work_order') return `/work-orders/${n.subjectId}`;
  if (n.subjectType === 'handoff') return `/handoffs/${n.subjectId}`;
  if (n.subjectType === 'clue') return `/clues/${n.subjectId}`;
  if (n.subjectType === 'letter') return `/letters/${n.subjectId}`;
  if (n.subjectType === 'stat_report') return `/stat-reports/${n.subjectId}`;
  if (n.subjectType === 'meeting') return `/meetings/${n.subjectId}`;
  if (n.subjectType === 'briefing') return `/briefings/${n.subjectId}`;
  return null;
}

const subjectLabel = (n: Notification) =>
  NOTIFICATION_SUBJECT_LABELS[
    (n.subjectType ?? 'other') as keyof typeof NOTIFICATION_SUBJECT_LABELS
  ] ?? NOTIFICATION_SUBJECT_LABELS.other;

const FILTERS = ['q', 'status', 'subjectType', 'from', 'to'] as const;

const FIELDS: SearchField[] = [
  { kind: 'text', name: 'q', placeholder: '标题 / 内容', width: 180 },
  {
    kind: 'select',
    name: 'subjectType',
    placeholder: '类别',
    options: options(NOTIFICATION_SUBJECT_LABELS),
    width: 120,
  },
  { kind: 'dates', from: 'from', to: 'to', placeholder: ['通知日期自', '通知日期至'] },
];

/** Which notices the tabs show: unread (the badge's, and the default), all, or read ones. */
type Shown = 'unread' | 'all' | 'read';

/**
 * 通知: the caller's inbox, unread first as the header badge counts them, searched by words,
 * what the notice is about and its day; 全部标为已读 reads every notice the search finds.
 */
export default function NotificationsPage() {
  const list = useUrlFilters(FILTERS);
  const shown: Shown =
    list.filters.status === 'all' || list.filters.status === 'read'
      ? list.filters.status
      : 'unread';
  const { status: _status, ...filters } = list.apiQuery;
  const query = useNotificationList({
    ...filters,
    status: shown === 'all' ? undefined : shown,
  });
  const client = useQueryClient();
  const navigate = useNavigate();
  const notice = useErrorNotice();
  const { message } = App.useApp();
  const refresh = () => client.invalidateQueries({ queryKey: keys.notifications });

  const markRead = useMutation({
    mutationFn: readNotification,
    onSuccess: refresh,
    onError: (e) => notice(e),
  });

  const markAll = useMutation({
    mutationFn: () =>
      markAllRead({
        q: list.filters.q,
        // the URL holds what the search bar offered; the server refuses anything else
        subjectType: list.filters.subjectType as ReadAllBody['subjectType'],
        from: list.filters.from,
        to: list.filters.to,
      }),
    onSuccess: async ({ count }) => {
      message.success(count ? `已将 ${count} 条通知标为已读` : '没有未读通知');
      await refresh();
    },
    onError: (e) => notice(e),
  });

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    const to = linkOf(n);
    if (to) navigate(to);
  };

  return (
    <Card
      title="通知"
      extra={
        <Segmented<Shown>
          value={shown}
          onChange={(v) => list.setFilters({ status: v === 'unread' ? undefined : v })}
          options={[
            { label: '未读', value: 'unread' },
            { label: '全部', value: 'all' },
            { label: '已读', value: 'read' },
          ]}
          data-testid="notification-status"
        />
      }
    >
      <SearchBar
        fields={FIELDS}
        values={list.filters}
        onSearch={(v) => list.setFilters(v)}
        onReset={list.reset}
      />
      <QueryState {...query} refetch={query.refetch}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty
              description={
                Object.keys(list.filters).some((k) => k !== 'status')
                  ? '没有符合条件的通知'
                  : shown === 'unread'
                    ? '没有未读通知'
                    : '暂无通知'
              }
            />
          ) : (
            <>
              {shown !== 'read' && page.items.some((n) => !n.readAt) && (
                <Button
                  style={{ marginBottom: 12 }}
                  loading={markAll.isPending}
                  onClick={() => markAll.mutate()}
                  data-testid="notification-read-all"
                >
                  全部标为已读
                </Button>
              )}
              <ItemList
                testId="notification-list"
                items={page.items.map((n) => ({
                  key: n.id,
                  title: (
                    <Space wrap size={[8, 2]}>
                      {/* the dot stays with the title however the line wraps */}
                      <span>
                        {!n.readAt && <Badge status="processing" style={{ marginRight: 8 }} />}
                        {/* the title itself opens the item it names */}
                        {linkOf(n) ? (
                          <Typography.Link strong={!n.readAt} onClick={() => open(n)}>
                            {n.title}
                          </Typography.Link>
                        ) : (
                          <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                        )}
                      </span>
                      <Tag>{subjectLabel(n)}</Tag>
                    </Space>
                  ),
                  description: (
                    <>
                      <div className="lx-pre">{n.body}</div>
                      <Typography.Text type="secondary">{formatTime(n.createdAt)}</Typography.Text>
                    </>
                  ),
                  actions: [
                    linkOf(n) && (
                      <Button type="link" size="small" onClick={() => open(n)} key="open">
                        查看
                      </Button>
                    ),
                    !n.readAt && (
                      <Button
                        type="link"
                        size="small"
                        key="read"
                        loading={markRead.isPending && markRead.variables === n.id}
                        onClick={() => markRead.mutate(n.id)}
                      >
                        标为已读
                      </Button>
                    ),
                  ].filter(Boolean),
                }))}
              />
              <Pagination
                style={{ marginTop: 16, justifyContent: 'flex-end' }}
                {...serverPagination({
                  page: list.page,
                  pageSize: list.pageSize,
                  total: page.total ?? page.items.length,
                  onChange: list.setPage,
                })}
                data-testid="notification-pager"
              />
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
