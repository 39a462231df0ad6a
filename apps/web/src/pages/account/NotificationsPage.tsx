import type { Notification } from '@lianxi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Empty, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { post } from '../../api/client';
import { keys, useNotifications } from '../../api/queries';
import { useErrorNotice } from '../../components/feedback';
import { ItemList } from '../../components/ItemList';
import { QueryState } from '../../components/QueryState';
import { formatTime } from '../../lib/format';

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

export default function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(true);
  const query = useNotifications(unreadOnly);
  const client = useQueryClient();
  const navigate = useNavigate();
  const notice = useErrorNotice();
  const { message } = App.useApp();

  const markRead = useMutation({
    mutationFn: (id: string) => post<Notification>(`/api/notifications/${id}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.notifications }),
    onError: (e) => notice(e),
  });

  const markAll = async (items: Notification[]) => {
    try {
      for (const n of items.filter((x) => !x.readAt)) {
        await post(`/api/notifications/${n.id}/read`);
      }
      message.success('已全部标为已读');
    } catch (e) {
      notice(e);
    } finally {
      await client.invalidateQueries({ queryKey: keys.notifications });
    }
  };

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    const to = linkOf(n);
    if (to) navigate(to);
  };

  return (
    <Card
      title="通知"
      extra={
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setUnreadOnly(v === 'unread')}
          options={[
            { label: '未读', value: 'unread' },
            { label: '全部', value: 'all' },
          ]}
        />
      }
    >
      <QueryState {...query} refetch={query.refetch}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty description={unreadOnly ? '没有未读通知' : '暂无通知'} />
          ) : (
            <>
              {unreadOnly && (
                <Button style={{ marginBottom: 12 }} onClick={() => markAll(page.items)}>
                  全部标为已读
                </Button>
              )}
              <ItemList
                testId="notification-list"
                items={page.items.map((n) => ({
                  key: n.id,
                  title: (
                    <Space>
                      {!n.readAt && <Badge status="processing" />}
                      {/* the title itself opens the item it names */}
                      {linkOf(n) ? (
                        <Typography.Link strong={!n.readAt} onClick={() => open(n)}>
                          {n.title}
                        </Typography.Link>
                      ) : (
                        <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                      )}
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
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
