import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { MEETING_KIND_LABELS, type MeetingDetail, type Resolution } from '@lianxi/domain';
import { Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMeeting } from '../../api/meetings';
import { useUnitNames } from '../../api/units';
import { isOffice, useMe } from '../../auth';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { QueryState } from '../../components/QueryState';
import { formatTime } from '../../lib/format';
import { MEETING_KIND_COLOURS } from './meeting-tags';
import { AddResolutionModal, IssueForResolutionModal } from './ResolutionModals';
import { ResolutionList } from './ResolutionList';

export default function MeetingPage() {
  const { id } = useParams();
  const query = useMeeting(id);
  return (
    <QueryState {...query} notFoundTitle="会议不存在">
      {(meeting) => <MeetingView meeting={meeting} />}
    </QueryState>
  );
}

function Attendees({ meeting }: { meeting: MeetingDetail }) {
  const unitName = useUnitNames();
  if (meeting.attendees.length === 0)
    return <Typography.Text type="secondary">未登记参会人员</Typography.Text>;
  return (
    <Space size={[6, 6]} wrap data-testid="meeting-attendees">
      {meeting.attendees.map((a, i) => (
        <Tag key={i} style={{ marginInlineEnd: 0 }}>
          {a.unitId ? `${unitName(a.unitId)} ` : ''}
          {a.name}
          {a.title ? `（${a.title}）` : ''}
        </Tag>
      ))}
    </Space>
  );
}

function MeetingView({ meeting }: { meeting: MeetingDetail }) {
  const me = useMe();
  const office = isOffice(me.role);
  const [adding, setAdding] = useState(false);
  const [issuing, setIssuing] = useState<Resolution | null>(null);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="meeting-detail">
      <Breadcrumbs list={{ title: '会议', to: '/meetings' }} current={meeting.title} />
      <Card
        title={
          <Space wrap>
            <Tag color={MEETING_KIND_COLOURS[meeting.kind]}>
              {MEETING_KIND_LABELS[meeting.kind]}
            </Tag>
            <span data-testid="meeting-title">{meeting.title}</span>
          </Space>
        }
        extra={
          office && (
            <Link to={`/meetings/${meeting.id}/edit`}>
              <Button icon={<EditOutlined />} data-testid="meeting-edit">
                修改
              </Button>
            </Link>
          )
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'held', label: '召开时间', children: formatTime(meeting.heldAt) },
            { key: 'place', label: '地点', children: meeting.place ?? '—' },
            { key: 'chair', label: '主持', children: meeting.chair ?? '—' },
          ]}
        />
        <Typography.Title level={5}>参会人员（{meeting.attendees.length}）</Typography.Title>
        <Attendees meeting={meeting} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          会议纪要
        </Typography.Title>
        {meeting.minutes ? (
          <Typography.Paragraph className="lx-pre" data-testid="meeting-minutes">
            {meeting.minutes}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">未录入会议纪要</Typography.Text>
        )}
      </Card>

      <Card
        title={`议定事项（${meeting.resolutions.length}）`}
        size="small"
        data-testid="meeting-resolutions"
        extra={
          office && (
            <Button
              type="primary"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="resolution-add"
            >
              新增议定事项
            </Button>
          )
        }
      >
        {meeting.resolutions.length === 0 ? (
          <Empty
            description={office ? '尚未登记议定事项，请逐项登记后交办' : '暂无议定事项'}
            image={Empty.PRESENTED_IMAGE_SIMPLE}
          />
        ) : (
          <ResolutionList
            resolutions={meeting.resolutions}
            onIssue={office ? setIssuing : undefined}
          />
        )}
      </Card>

      {office && (
        <AddResolutionModal meeting={meeting} open={adding} onClose={() => setAdding(false)} />
      )}
      {office && issuing && (
        <IssueForResolutionModal
          key={issuing.id}
          meeting={meeting}
          resolution={issuing}
          onClose={() => setIssuing(null)}
        />
      )}
    </Space>
  );
}
