import {
  AGGRAVATION_FACTOR,
  type DeductionItem,
  type Indicator,
  LETTER_STATUS_LABELS,
  type LetterDetail,
  METRIC_LABELS,
} from '@lianxi/domain';
import { Card, Descriptions, Empty, Space, Steps, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useReadNoticesAbout } from '../../api/notifications';
import { useLetter } from '../../api/letters';
import { useUnitNames } from '../../api/units';
import { useMe } from '../../auth';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { QueryState } from '../../components/QueryState';
import { formatTime } from '../../lib/format';
import { formatPoints, LETTER_STEPS } from '../../lib/letters';
import { AssessmentCard } from './AssessmentCard';
import { LetterStatusTag } from './letter-parts';
import { LetterActions } from './LetterActions';

export default function LetterPage() {
  const { id } = useParams();
  const query = useLetter(id);
  useReadNoticesAbout('letter', query.data?.id);
  return (
    <QueryState {...query} notFoundTitle="责任书不存在或无权访问">
      {(letter) => <LetterView letter={letter} />}
    </QueryState>
  );
}

function indicatorRule(i: Indicator) {
  if (i.kind === 'manual') return i.description ?? '打传办人工评分';
  const metric = i.metric ? METRIC_LABELS[i.metric] : '—';
  if (i.metric === 'overdue_by_level' && i.perLevel) {
    const p = i.perLevel;
    return `${metric}：催办每件扣 ${p.level1} 分、督办 ${p.level2} 分、挂牌督办 ${p.level3} 分`;
  }
  return `${metric} × 分值`;
}

function Content({ letter }: { letter: LetterDetail }) {
  const itemName = new Map(letter.deductionItems.map((d) => [d.id, d.name]));
  return (
    <Card title="责任书内容" size="small" data-testid="letter-content">
      <Table<Indicator>
        rowKey="id"
        size="small"
        dataSource={letter.indicators}
        pagination={false}
        scroll={{ x: 600 }}
        columns={[
          { title: '考核指标', dataIndex: 'name', width: 180 },
          {
            title: '计分方式',
            dataIndex: 'kind',
            width: 110,
            render: (k: Indicator['kind']) =>
              k === 'manual' ? <Tag color="purple">人工评分</Tag> : <Tag>平台自动</Tag>,
          },
          { title: '评分标准', key: 'rule', render: (_, i) => indicatorRule(i) },
          { title: '分值', dataIndex: 'points', width: 70 },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        扣分项
      </Typography.Title>
      <Table<DeductionItem>
        rowKey="id"
        size="small"
        dataSource={letter.deductionItems}
        pagination={false}
        scroll={{ x: 480 }}
        locale={{
          emptyText: <Empty description="未设扣分项" image={Empty.PRESENTED_IMAGE_SIMPLE} />,
        }}
        columns={[
          { title: '扣分项', dataIndex: 'name' },
          {
            title: '每次扣分',
            dataIndex: 'pointsEach',
            width: 100,
            render: (p: number, d) =>
              d.aggravated ? `${p} × ${AGGRAVATION_FACTOR}` : formatPoints(p),
          },
          {
            title: '类别',
            dataIndex: 'aggravated',
            width: 100,
            render: (a: boolean) => (a ? <Tag color="red">加重扣分</Tag> : <Tag>一般</Tag>),
          },
        ]}
      />
      {letter.deductionEntries.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            扣分记录
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            dataSource={letter.deductionEntries}
            pagination={false}
            scroll={{ x: 560 }}
            data-testid="deduction-entries"
            columns={[
              { title: '登记时间', dataIndex: 'at', width: 180, render: formatTime },
              {
                title: '扣分项',
                dataIndex: 'itemId',
                width: 140,
                render: (id: string) => itemName.get(id) ?? '—',
              },
              { title: '次数', dataIndex: 'count', width: 60 },
              { title: '情况说明', dataIndex: 'note' },
            ]}
          />
        </>
      )}
    </Card>
  );
}

function LetterView({ letter }: { letter: LetterDetail }) {
  const me = useMe();
  const unitName = useUnitNames();
  const stamps = [null, letter.issuedAt, letter.signedAt, letter.finalizedAt];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="letter-detail">
      <Breadcrumbs
        list={{ title: me.role === 'unit' ? '我的责任书' : '责任书', to: '/letters' }}
        current={letter.title}
      />
      <Card
        title={
          <Space wrap>
            <span data-testid="letter-title">{letter.title}</span>
            <LetterStatusTag status={letter.status} />
          </Space>
        }
      >
        <Steps
          current={LETTER_STEPS.indexOf(letter.status)}
          status={letter.status === 'assessed' ? 'finish' : 'process'}
          size="small"
          style={{ marginBottom: 16 }}
          data-testid="letter-steps"
          items={LETTER_STEPS.map((s, i) => ({
            title: LETTER_STATUS_LABELS[s],
            content: stamps[i] ? formatTime(stamps[i]) : undefined,
          }))}
        />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'unit', label: '责任单位', children: unitName(letter.unitId) },
            { key: 'year', label: '年度', children: `${letter.year} 年` },
            {
              key: 'points',
              label: '指标',
              children: `${letter.indicators.length} 项，合计 ${letter.indicators.reduce((n, i) => n + i.points, 0)} 分`,
            },
          ]}
        />
        <LetterActions letter={letter} />
      </Card>
      <Content letter={letter} />
      {letter.status !== 'draft' && <AssessmentCard letter={letter} />}
    </Space>
  );
}
