import { PlusOutlined } from '@ant-design/icons';
import { MEETING_KIND_LABELS, type Meeting, MeetingKind } from '@lianxi/domain';
import { Button, Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useMeetingList } from '../../api/meetings';
import { isOffice, useMe } from '../../auth';
import { PagedList } from '../../components/PagedList';
import { formatTime } from '../../lib/format';
import { MEETING_KIND_COLOURS } from './meeting-tags';

type Filter = MeetingKind | 'all';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  ...MeetingKind.options.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] })),
];

function MeetingTable({ kind }: { kind: MeetingKind | undefined }) {
  const query = useMeetingList(kind);
  return (
    <PagedList query={query} moreTestId="meeting-more">
      {(meetings) => (
        <div data-testid="meeting-list">
          <Table<Meeting>
            rowKey="id"
            dataSource={meetings}
            scroll={{ x: 860 }}
            pagination={false}
            locale={{ emptyText: <Empty description="暂无会议记录" /> }}
            columns={[
              { title: '召开时间', dataIndex: 'heldAt', width: 190, render: formatTime },
              {
                title: '类别',
                dataIndex: 'kind',
                width: 100,
                render: (k: MeetingKind) => (
                  <Tag color={MEETING_KIND_COLOURS[k]}>{MEETING_KIND_LABELS[k]}</Tag>
                ),
              },
              {
                title: '会议名称',
                dataIndex: 'title',
                render: (t: string, m) => (
                  <Link to={`/meetings/${m.id}`} data-testid="meeting-link">
                    {t}
                  </Link>
                ),
              },
              { title: '地点', dataIndex: 'place', width: 160, render: (p) => p ?? '—' },
              { title: '主持', dataIndex: 'chair', width: 110, render: (c) => c ?? '—' },
              {
                title: '议定事项',
                dataIndex: 'resolutionCount',
                width: 90,
                render: (n: number) => `${n} 项`,
              },
            ]}
          />
        </div>
      )}
    </PagedList>
  );
}

/** 会议: the conference's meetings, newest first; the office records them and their minutes. */
export default function MeetingsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const raw = params.get('kind');
  const kind = MeetingKind.safeParse(raw).success ? (raw as MeetingKind) : undefined;
  return (
    <Card
      title="会议"
      extra={
        isOffice(me.role) && (
          <Link to="/meetings/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="meeting-new">
              登记会议
            </Button>
          </Link>
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Segmented<Filter>
          value={kind ?? 'all'}
          options={FILTERS}
          onChange={(v) => setParams(v === 'all' ? {} : { kind: v }, { replace: true })}
          data-testid="meeting-filter"
        />
        {!isOffice(me.role) && (
          <Typography.Text type="secondary">
            会议记录及议定事项由打传办登记，此处仅供查阅。
          </Typography.Text>
        )}
        <MeetingTable kind={kind} key={kind ?? 'all'} />
      </Space>
    </Card>
  );
}
