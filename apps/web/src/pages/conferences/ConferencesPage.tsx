import { childLevel, type CreatedSubConference, JURISDICTION_LEVEL_LABELS } from '@lianxi/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useMe } from '../../auth';
import { QueryState } from '../../components/QueryState';
import { formatTime } from '../../lib/format';
import {
  type ConferenceNode,
  conferenceKeys,
  nest,
  useConferenceTree,
} from '../../api/conferences';
import { IssueDownModal } from './IssueDownModal';
import { OrdersDownCard } from './OrdersDownCard';
import { CreateConferenceDrawer } from './CreateConferenceDrawer';
import { FirstAccountsModal } from './FirstAccountsModal';

/**
 * 下级联席会议: the conferences below this one, as a tree (a city sees its districts and their
 * townships); the administrator opens a new one below and hands over its first accounts.
 */
export default function ConferencesPage() {
  const me = useMe();
  const query = useConferenceTree();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedSubConference | null>(null);
  const [issuing, setIssuing] = useState(false);
  const below = query.data ? childLevel(query.data.root.jurisdiction.level) : null;
  const direct = (query.data?.items ?? []).filter((c) => c.depth === 1);
  const issuer = me.role === 'office' || me.role === 'admin';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="下级联席会议"
        extra={
          <Space wrap>
            {issuer && direct.length > 0 && (
              <Button onClick={() => setIssuing(true)} data-testid="order-down-create">
                向下级交办
              </Button>
            )}
            {me.role === 'admin' && below && (
              <Button
                type="primary"
                onClick={() => setCreating(true)}
                data-testid="conference-create"
              >
                设立下级联席会议
              </Button>
            )}
          </Space>
        }
      >
        <QueryState {...query}>
          {(tree) => (
            <div data-testid="conference-tree">
              <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
                <Descriptions.Item label="本级">{tree.root.name}</Descriptions.Item>
                <Descriptions.Item label="行政区划">
                  {tree.root.jurisdiction.name}（{tree.root.jurisdiction.code}）
                </Descriptions.Item>
                <Descriptions.Item label="层级">
                  {JURISDICTION_LEVEL_LABELS[tree.root.jurisdiction.level]}
                </Descriptions.Item>
              </Descriptions>
              <Table<ConferenceNode>
                rowKey="id"
                dataSource={nest(tree.items)}
                pagination={false}
                scroll={{ x: 760 }}
                expandable={{ defaultExpandAllRows: true }}
                locale={{
                  emptyText: (
                    <Empty
                      description={below ? '尚未设立下级联席会议' : '本级之下不再设立联席会议'}
                    />
                  ),
                }}
                columns={[
                  { title: '联席会议', dataIndex: 'name', key: 'name', className: 'lx-wrap' },
                  {
                    title: '行政区划',
                    key: 'jurisdiction',
                    width: 200,
                    render: (_, c) => `${c.jurisdiction.name}（${c.jurisdiction.code}）`,
                  },
                  {
                    title: '层级',
                    key: 'level',
                    width: 110,
                    render: (_, c) => <Tag>{JURISDICTION_LEVEL_LABELS[c.jurisdiction.level]}</Tag>,
                  },
                  { title: '文号前缀', dataIndex: 'serialPrefix', key: 'serialPrefix', width: 110 },
                  { title: '成员单位', dataIndex: 'units', key: 'units', width: 90 },
                  { title: '账号', dataIndex: 'users', key: 'users', width: 70 },
                  {
                    title: '设立时间',
                    dataIndex: 'createdAt',
                    key: 'createdAt',
                    width: 170,
                    render: (t: string) => formatTime(t),
                  },
                ]}
              />
            </div>
          )}
        </QueryState>
        {query.data && below && (
          <CreateConferenceDrawer
            open={creating}
            level={below}
            onClose={() => setCreating(false)}
            onCreated={async (result) => {
              setCreating(false);
              setCreated(result);
              await client.invalidateQueries({ queryKey: conferenceKeys.tree });
            }}
          />
        )}
        <FirstAccountsModal created={created} onClose={() => setCreated(null)} />
        <IssueDownModal
          open={issuing}
          below={direct}
          onClose={() => setIssuing(false)}
          onDone={() => client.invalidateQueries({ queryKey: conferenceKeys.ordersDown })}
        />
      </Card>
      {direct.length > 0 && <OrdersDownCard />}
    </Space>
  );
}
