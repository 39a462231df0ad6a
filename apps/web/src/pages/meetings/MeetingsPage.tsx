import { PlusOutlined } from '@ant-design/icons';
import {
  MEETING_KIND_LABELS,
  MEETING_STATUS_LABELS,
  type MeetingKind,
  meetingStatus,
} from '@lianxi/domain';
import { Button, Card, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useMeetingList } from '../../api/meetings';
import { isOffice, useMe } from '../../auth';
import { useFromList } from '../../components/Breadcrumbs';
import { SearchableList } from '../../components/SearchableList';
import type { SearchField } from '../../components/SearchBar';
import { options } from '../../components/search-fields';
import { formatTime } from '../../lib/format';
import { sortOrderOf, useUrlFilters } from '../../lib/url-filters';
import { MEETING_KIND_COLOURS } from './meeting-tags';

const FILTERS = ['q', 'kind', 'status', 'from', 'to'] as const;

const FIELDS: SearchField[] = [
  { kind: 'text', name: 'q', placeholder: '会议名称 / 地点' },
  { kind: 'select', name: 'kind', placeholder: '类别', options: options(MEETING_KIND_LABELS) },
  {
    kind: 'select',
    name: 'status',
    placeholder: '召开情况',
    options: options(MEETING_STATUS_LABELS),
    width: 120,
  },
  { kind: 'dates', from: 'from', to: 'to', placeholder: ['召开自', '召开至'] },
];

/** A cell that keeps to one line and shows the whole text on hover. */
const oneLine = (text: string | null) =>
  text ? (
    <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: '100%' }}>
      {text}
    </Typography.Text>
  ) : (
    '—'
  );

function MeetingTable() {
  const list = useUrlFilters(FILTERS);
  const query = useMeetingList(list.apiQuery);
  const from = useFromList('会议');
  const now = new Date();
  return (
    <SearchableList
      list={list}
      fields={FIELDS}
      query={query}
      testId="meeting-list"
      empty="暂无会议记录"
      scrollX={860}
      columns={[
        {
          title: '会议名称',
          dataIndex: 'title',
          render: (t: string, m) => (
            <Typography.Text ellipsis={{ tooltip: t }} style={{ maxWidth: '100%' }}>
              {meetingStatus(new Date(m.heldAt), now) === 'upcoming' && (
                <Tag color="gold" data-testid="meeting-upcoming">
                  {MEETING_STATUS_LABELS.upcoming}
                </Tag>
              )}
              <Link to={`/meetings/${m.id}`} state={from} data-testid="meeting-link">
                {t}
              </Link>
            </Typography.Text>
          ),
        },
        {
          title: '召开时间',
          key: 'heldAt',
          dataIndex: 'heldAt',
          width: 180,
          sorter: true,
          sortOrder: sortOrderOf(list.sort, 'heldAt'),
          render: formatTime,
        },
        {
          title: '类别',
          dataIndex: 'kind',
          width: 100,
          render: (k: MeetingKind) => (
            <Tag color={MEETING_KIND_COLOURS[k]}>{MEETING_KIND_LABELS[k]}</Tag>
          ),
        },
        { title: '地点', dataIndex: 'place', width: 170, render: oneLine },
        { title: '主持', dataIndex: 'chair', width: 100, render: oneLine },
        {
          title: '议定事项',
          key: 'resolutions',
          dataIndex: 'resolutionCount',
          width: 110,
          sorter: true,
          sortOrder: sortOrderOf(list.sort, 'resolutions'),
          render: (n: number) => `${n} 项`,
        },
      ]}
    />
  );
}

/** 会议: the conference's meetings, newest first; the office records them and their minutes. */
export default function MeetingsPage() {
  const me = useMe();
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
      {!isOffice(me.role) && (
        <Typography.Paragraph type="secondary">
          会议记录及议定事项由打传办登记，此处仅供查阅。
        </Typography.Paragraph>
      )}
      <MeetingTable />
    </Card>
  );
}
