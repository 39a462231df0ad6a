import { CheckCircleOutlined } from '@ant-design/icons';
import {
  type Assessment,
  type DeductionScore,
  type IndicatorScore,
  type LetterDetail,
  METRIC_LABELS,
} from '@lianxi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { finalizeAssessment, useAssessment, useInvalidateLetters } from '../../api/letters';
import { isOffice, useMe } from '../../auth';
import { useErrorNotice } from '../../components/feedback';
import { QueryState } from '../../components/QueryState';
import { formatTime } from '../../lib/format';
import { formatPoints, howMeasured } from '../../lib/letters';

function IndicatorTable({ rows }: { rows: IndicatorScore[] }) {
  return (
    <Table<IndicatorScore>
      rowKey="indicatorId"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 720 }}
      data-testid="assessment-indicators"
      columns={[
        { title: '考核指标', dataIndex: 'name', width: 150, fixed: 'left' },
        {
          title: '计分依据',
          key: 'metric',
          width: 190,
          render: (_, i) => (i.metric ? METRIC_LABELS[i.metric] : '人工评分'),
        },
        {
          title: '计算过程',
          key: 'how',
          render: (_, i) => (
            <Space orientation="vertical" size={0}>
              <span data-testid="assessment-how">{howMeasured(i)}</span>
              {i.note && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {i.note}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        { title: '分值', dataIndex: 'points', width: 70 },
        {
          title: '得分',
          dataIndex: 'score',
          width: 80,
          fixed: 'right',
          render: (s: number | null) =>
            s === null ? (
              <Tag color="warning">待评分</Tag>
            ) : (
              <Typography.Text strong data-testid="assessment-score">
                {formatPoints(s)}
              </Typography.Text>
            ),
        },
      ]}
    />
  );
}

function DeductionTable({ rows }: { rows: DeductionScore[] }) {
  return (
    <Table<DeductionScore>
      rowKey="itemId"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 560 }}
      style={{ marginTop: 12 }}
      data-testid="assessment-deductions"
      columns={[
        {
          title: '扣分项',
          dataIndex: 'name',
          render: (n: string, d) => (
            <Space size={4}>
              {n}
              {d.aggravated && <Tag color="red">加重</Tag>}
            </Space>
          ),
        },
        { title: '每次', dataIndex: 'pointsEach', width: 70 },
        { title: '次数', dataIndex: 'count', width: 70 },
        {
          title: '扣分',
          dataIndex: 'points',
          width: 80,
          fixed: 'right',
          render: (p: number) =>
            p ? <Typography.Text type="danger">-{formatPoints(p)}</Typography.Text> : '0',
        },
      ]}
    />
  );
}

function Totals({ a }: { a: Assessment }) {
  const cards = [
    { key: 'indicator-total', title: '指标得分', value: formatPoints(a.indicatorTotal) },
    {
      key: 'deduction-total',
      title: '扣分',
      value: `-${formatPoints(a.deductionTotal)}`,
      red: true,
    },
    { key: 'total', title: '总分', value: formatPoints(a.total), strong: true },
    { key: 'red-flags', title: '挂牌督办（件）', value: String(a.redFlags), red: a.redFlags > 0 },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
      {cards.map((c) => (
        <Col xs={12} md={6} key={c.key}>
          <Card size="small">
            <Statistic
              title={c.title}
              value={c.value}
              styles={{
                content: {
                  color: c.red ? '#cf1322' : c.strong ? '#b71c1c' : undefined,
                  fontWeight: c.strong ? 700 : undefined,
                },
              }}
              data-testid={`assessment-${c.key}`}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 考核结果: live from the platform's data until the office finalises it, then frozen. */
export function AssessmentCard({ letter }: { letter: LetterDetail }) {
  const me = useMe();
  const query = useAssessment(letter.id);
  const invalidate = useInvalidateLetters();
  const notice = useErrorNotice();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const finalize = async () => {
    setBusy(true);
    try {
      await finalizeAssessment(letter.id);
      message.success('考核结果已定稿');
    } catch (e) {
      notice(e);
    } finally {
      setBusy(false);
      await invalidate();
    }
  };

  return (
    <Card
      title="考核结果"
      size="small"
      data-testid="assessment"
      extra={
        query.data && (
          <Tag
            color={query.data.final ? 'success' : 'processing'}
            data-testid="assessment-mode"
            data-final={query.data.final}
          >
            {query.data.final ? '已定稿' : '实时计算'}
          </Tag>
        )
      }
    >
      <QueryState {...query}>
        {(a) => {
          const blocked =
            letter.status !== 'signed'
              ? '责任单位签订后才能定稿'
              : a.pendingManual
                ? `还有 ${a.pendingManual} 项人工评分指标未评分`
                : null;
          return (
            <>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {a.final
                  ? `已于 ${formatTime(letter.finalizedAt)} 定稿，结果不再随数据变化。`
                  : `按 ${formatTime(a.computedAt)} 的平台数据实时计算，定稿前会随办理情况变化。`}
              </Typography.Paragraph>
              {a.pendingManual > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={`${a.pendingManual} 项人工评分指标尚未评分（暂按 0 分计）`}
                />
              )}
              <IndicatorTable rows={a.indicators} />
              {a.deductions.length > 0 && <DeductionTable rows={a.deductions} />}
              <Totals a={a} />
              {isOffice(me.role) && !a.final && (
                <div style={{ marginTop: 12 }}>
                  {blocked ? (
                    <Tooltip title={blocked}>
                      <Button
                        icon={<CheckCircleOutlined />}
                        disabled
                        data-testid="assessment-finalize"
                      >
                        定稿
                      </Button>
                    </Tooltip>
                  ) : (
                    <Popconfirm
                      title="考核定稿？"
                      description="定稿后考核结果固定，不再随数据变化，也不能再评分、扣分。"
                      okText="定稿"
                      cancelText="取消"
                      onConfirm={finalize}
                    >
                      <Button
                        type="primary"
                        icon={<CheckCircleOutlined />}
                        loading={busy}
                        data-testid="assessment-finalize"
                      >
                        定稿
                      </Button>
                    </Popconfirm>
                  )}
                </div>
              )}
            </>
          );
        }}
      </QueryState>
    </Card>
  );
}
