import { CLUE_CHANNEL_LABELS, type HandoffDetail, isRefusal } from '@lianxi/domain';
import { Alert, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useReadNoticesAbout } from '../../api/notifications';
import { useClue } from '../../api/clues';
import { useHandoff } from '../../api/handoffs';
import { useUnitNames } from '../../api/units';
import {
  CategoryTag,
  HandoffKindTag,
  HandoffLimit,
  HandoffStatusTag,
  OutcomeTag,
} from '../../components/clue-tags';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { QueryState } from '../../components/QueryState';
import { EscalationTag } from '../../components/tags';
import { senderName } from '../../lib/clues';
import { formatTime } from '../../lib/format';
import { HandoffActions } from './HandoffActions';
import { HandoffTimeline } from './HandoffTimeline';

export default function HandoffPage() {
  const { id } = useParams();
  const query = useHandoff(id);
  useReadNoticesAbout('handoff', query.data?.id);
  return (
    <QueryState {...query} notFoundTitle="移送件不存在或无权访问">
      {(h) => <HandoffView handoff={h} />}
    </QueryState>
  );
}

/** The clue the hand-off carries, as the receiving unit needs to read it. */
function ClueSummary({ clueId }: { clueId: string }) {
  const query = useClue(clueId);
  return (
    <Card title="线索内容" size="small">
      <QueryState {...query}>
        {(clue) => (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{clue.subject.name}</Typography.Text>
              <CategoryTag category={clue.category} />
            </Space>
            <Typography.Text type="secondary">
              {CLUE_CHANNEL_LABELS[clue.channel]} · 举报 {clue.reportCount} 次
              {clue.township ? ` · ${clue.township}` : ''}
            </Typography.Text>
            <Typography.Paragraph className="lx-pre" ellipsis={{ rows: 6, expandable: true }}>
              {clue.description}
            </Typography.Paragraph>
          </Space>
        )}
      </QueryState>
    </Card>
  );
}

function HandoffView({ handoff: h }: { handoff: HandoffDetail }) {
  const unitName = useUnitNames();
  const canContest = h.actions.includes('reconsider') || h.actions.includes('procuratorate');
  const items = [
    {
      key: 'clue',
      label: '线索',
      children: <Link to={`/clues/${h.clueId}`}>{h.clueSerial}</Link>,
    },
    {
      key: 'kind',
      label: '移送方式',
      children: (
        <Space size={4}>
          <HandoffKindTag kind={h.kind} />
          {h.byRule && <Typography.Text type="secondary">按分流规则自动移送</Typography.Text>}
        </Space>
      ),
    },
    { key: 'from', label: '移送方', children: senderName(unitName, h.fromUnitId) },
    { key: 'to', label: '接收单位', children: unitName(h.toUnitId) },
    { key: 'sent', label: '移送时间', children: formatTime(h.sentAt) },
    { key: 'limit', label: '期限', children: <HandoffLimit handoff={h} /> },
    ...(h.receivedAt
      ? [{ key: 'received', label: '接收时间', children: formatTime(h.receivedAt) }]
      : []),
    ...(h.reconsiderationRequestedAt
      ? [
          {
            key: 'reconsider',
            label: '提请复议',
            children: formatTime(h.reconsiderationRequestedAt),
          },
        ]
      : []),
    ...(h.appealDueAt && isRefusal(h.outcome)
      ? [{ key: 'appeal', label: '复议 / 立案监督期限', children: formatTime(h.appealDueAt) }]
      : []),
    ...(h.itemsDueAt
      ? [
          {
            key: 'items',
            label: '涉案物品移交',
            children: h.itemsHandedOverAt
              ? `已于 ${formatTime(h.itemsHandedOverAt)} 移交`
              : `请于 ${formatTime(h.itemsDueAt)} 前移交`,
          },
        ]
      : []),
    ...(h.parentHandoffId
      ? [
          {
            key: 'parent',
            label: '监督事项',
            children: <Link to={`/handoffs/${h.parentHandoffId}`}>被不予立案的移送</Link>,
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="handoff-detail">
      <Breadcrumbs list={{ title: '移送件', to: '/handoffs' }} current={h.clueSerial} />
      <Card
        title={
          <Space wrap>
            <Typography.Text type="secondary">{h.clueSerial}</Typography.Text>
            <span>
              {senderName(unitName, h.fromUnitId)} → {unitName(h.toUnitId)}
            </span>
          </Space>
        }
        extra={
          <Space>
            <HandoffStatusTag status={h.status} />
            {h.outcome && <OutcomeTag outcome={h.outcome} />}
            <EscalationTag level={h.escalationLevel} />
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3 }} items={items} />
        <Typography.Title level={5}>移送理由</Typography.Title>
        <Typography.Paragraph className="lx-pre" data-testid="handoff-reason">
          {h.reason}
        </Typography.Paragraph>
        {h.outcome && (
          <Alert
            type={isRefusal(h.outcome) || h.outcome === 'returned' ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              <Space size={4}>
                反馈结果 <OutcomeTag outcome={h.outcome} />
                <Typography.Text type="secondary">{formatTime(h.answeredAt)}</Typography.Text>
              </Space>
            }
            description={h.outcomeReason ?? undefined}
            data-testid="handoff-answer"
          />
        )}
        {h.status === 'reconsidering' && h.reconsiderationReason && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="已提请复议，等待复议决定"
            description={h.reconsiderationReason}
          />
        )}
        {canContest && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`对不予立案有异议的，可在 ${formatTime(h.appealDueAt)} 前提请复议，或建议检察院立案监督。`}
          />
        )}
        <HandoffActions handoff={h} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="办理记录" size="small">
            <HandoffTimeline events={h.events} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <ClueSummary clueId={h.clueId} />
        </Col>
      </Row>
    </Space>
  );
}
