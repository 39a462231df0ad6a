import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { CLUE_CHANNEL_LABELS, type ClueDetail } from '@lianxi/domain';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useReadNoticesAbout } from '../../api/notifications';
import { awaitingRouting, useClue } from '../../api/clues';
import { useUnitNames } from '../../api/units';
import { isOffice, useMe } from '../../auth';
import { CategoryTag, ClueStatusTag } from '../../components/clue-tags';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { QueryState } from '../../components/QueryState';
import { formatYuan, OFFICE_NAME } from '../../lib/clues';
import { formatTime } from '../../lib/format';
import { HandoffTable } from '../handoffs/HandoffTable';
import { ClueAttachments } from './ClueAttachments';
import { CloseClueModal } from './CloseClueModal';
import { ClueReports } from './ClueReports';
import { SendHandoffModal } from './SendHandoffModal';

export default function CluePage() {
  const { id } = useParams();
  const query = useClue(id);
  useReadNoticesAbout('clue', query.data?.id);
  return (
    <QueryState {...query} notFoundTitle="线索不存在或无权访问">
      {(clue) => <ClueView clue={clue} />}
    </QueryState>
  );
}

const orDash = (v: string | number | null) => (v === null || v === '' ? '—' : v);

/** 办结情况: when the clue was closed (Beijing time) and the conclusion it was closed with. */
function ClosingCard({ clue }: { clue: ClueDetail }) {
  return (
    <Card title="办结情况" size="small" data-testid="clue-closing">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'closed',
            label: '办结时间',
            children: <span data-testid="clue-closed-at">{formatTime(clue.closedAt)}</span>,
          },
          {
            key: 'conclusion',
            label: '办结结论',
            children: (
              <Typography.Paragraph className="lx-pre" data-testid="clue-conclusion">
                {orDash(clue.conclusion)}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </Card>
  );
}

function ClueView({ clue }: { clue: ClueDetail }) {
  const me = useMe();
  const unitName = useUnitNames();
  const [sending, setSending] = useState(false);
  const [closing, setClosing] = useState(false);
  const office = isOffice(me.role);
  // The office, the holding unit and any unit it was handed to may pass it on (the API decides).
  const involved =
    me.role === 'unit' &&
    (clue.owningUnitId === me.unitId || clue.handoffs.some((h) => h.toUnitId === me.unitId));
  const canSend = clue.status === 'open' && (office || involved);
  // 办结 is the office's or the holding unit's; the API also waits for every answer.
  const canClose =
    clue.status === 'open' && (office || (me.role === 'unit' && clue.owningUnitId === me.unitId));
  const canUpload = office || me.role === 'unit';
  const routing = awaitingRouting(clue);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="clue-detail">
      <Breadcrumbs list={{ title: '线索', to: '/clues' }} current={clue.serial} />
      <Card
        title={
          <Space wrap>
            <Typography.Text type="secondary" data-testid="clue-serial">
              {clue.serial}
            </Typography.Text>
            <span data-testid="clue-subject">{clue.subject.name}</span>
          </Space>
        }
        extra={
          <Space wrap>
            <CategoryTag category={clue.category} />
            <ClueStatusTag status={clue.status} />
            {canClose && (
              <Button
                type="primary"
                size="small"
                icon={<CheckCircleOutlined />}
                onClick={() => setClosing(true)}
                data-testid="clue-close"
              >
                办结
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3 }}
          items={[
            { key: 'channel', label: '线索来源', children: CLUE_CHANNEL_LABELS[clue.channel] },
            { key: 'credit', label: '统一社会信用代码', children: orDash(clue.subject.creditCode) },
            {
              key: 'url',
              label: '网址 / App',
              children: (
                <Typography.Text style={{ wordBreak: 'break-all' }}>
                  {orDash(clue.subject.url)}
                </Typography.Text>
              ),
            },
            { key: 'township', label: '所在乡镇', children: orDash(clue.township) },
            { key: 'participants', label: '涉及人数', children: orDash(clue.participants) },
            { key: 'levels', label: '层级数', children: orDash(clue.levels) },
            { key: 'amount', label: '涉案金额', children: formatYuan(clue.amountYuan) },
            {
              key: 'count',
              label: '累计举报',
              children: <span data-testid="clue-report-count">{clue.reportCount} 次</span>,
            },
            {
              key: 'owner',
              label: '受理单位',
              children: clue.owningUnitId ? unitName(clue.owningUnitId) : OFFICE_NAME,
            },
            { key: 'created', label: '登记时间', children: formatTime(clue.createdAt) },
          ]}
        />
        <Typography.Title level={5}>线索内容</Typography.Title>
        <Typography.Paragraph className="lx-pre" data-testid="clue-description">
          {clue.description}
        </Typography.Paragraph>
      </Card>

      {clue.status === 'closed' && <ClosingCard clue={clue} />}

      <Card
        title={`移送情况（${clue.handoffs.length}）`}
        size="small"
        data-testid="clue-handoffs"
        extra={
          canSend && (
            <Button
              type="primary"
              size="small"
              icon={<SendOutlined />}
              onClick={() => setSending(true)}
              data-testid="clue-send"
            >
              移送
            </Button>
          )
        }
      >
        {routing && (
          <Alert
            type="info"
            showIcon
            icon={<Spin size="small" />}
            style={{ marginBottom: 12 }}
            title="正在按分流规则自动移送，请稍候…"
            data-testid="clue-routing"
          />
        )}
        <HandoffTable
          handoffs={clue.handoffs}
          showClue={false}
          empty="尚未移送"
          testId="clue-handoff-table"
        />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <ClueReports reports={clue.reports} />
        </Col>
        <Col xs={24} lg={10}>
          <ClueAttachments clueId={clue.id} attachments={clue.attachments} canUpload={canUpload} />
        </Col>
      </Row>
      {canSend && <SendHandoffModal clue={clue} open={sending} onClose={() => setSending(false)} />}
      {canClose && <CloseClueModal clue={clue} open={closing} onClose={() => setClosing(false)} />}
    </Space>
  );
}
