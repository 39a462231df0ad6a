import type { RankingRow } from '@lianxi/domain';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useRanking } from '../../api/letters';
import { useMe } from '../../auth';
import { QueryState } from '../../components/QueryState';
import { formatPoints } from '../../lib/letters';
import { LetterStatusTag, standing, useYearParam, YearSelect } from './letter-parts';

/** 考核排名: every issued letter of the year by its total, final or live. */
export default function RankingPage() {
  const me = useMe();
  const { year, years, setYear } = useYearParam();
  const query = useRanking(year);
  return (
    <Card
      title="考核排名"
      extra={<YearSelect year={year} years={years} onChange={setYear} />}
      data-testid="ranking"
    >
      <QueryState {...query}>
        {(rows) =>
          me.role === 'unit' ? (
            rows[0] ? (
              <Space orientation="vertical" size={8} data-testid="own-standing">
                <Typography.Title level={3} style={{ margin: 0 }}>
                  {standing(rows[0])}
                </Typography.Title>
                <Typography.Text>
                  {rows[0].unitName} 得分 {formatPoints(rows[0].total)}（
                  {rows[0].final ? '已定稿' : '实时计算，定稿前随工作数据变化'}）
                </Typography.Text>
              </Space>
            ) : (
              <Empty description={`${year} 年度本单位尚无已下达的责任书`} />
            )
          ) : (
            <>
              <Typography.Paragraph type="secondary">
                已下达的责任书按总分排名；未定稿的按当前数据实时计算，定稿后不再变化。
              </Typography.Paragraph>
              <Table<RankingRow>
                rowKey="letterId"
                dataSource={rows}
                pagination={false}
                scroll={{ x: 640 }}
                data-testid="ranking-table"
                locale={{ emptyText: <Empty description={`${year} 年度尚无已下达的责任书`} /> }}
                columns={[
                  {
                    title: '名次',
                    dataIndex: 'rank',
                    width: 70,
                    render: (n: number) => <Typography.Text strong>{n}</Typography.Text>,
                  },
                  {
                    title: '责任单位',
                    dataIndex: 'unitName',
                    render: (n: string, r) => (
                      <Link to={`/letters/${r.letterId}`} data-testid="ranking-unit">
                        {n}
                      </Link>
                    ),
                  },
                  {
                    title: '总分',
                    dataIndex: 'total',
                    width: 90,
                    render: (t: number) => (
                      <span data-testid="ranking-total">{formatPoints(t)}</span>
                    ),
                  },
                  {
                    title: '结果',
                    dataIndex: 'final',
                    width: 100,
                    render: (f: boolean) => (
                      <Tag color={f ? 'success' : 'processing'}>{f ? '已定稿' : '实时计算'}</Tag>
                    ),
                  },
                  {
                    title: '状态',
                    dataIndex: 'status',
                    width: 90,
                    render: (_, r) => <LetterStatusTag status={r.status} />,
                  },
                  {
                    title: '挂牌督办',
                    dataIndex: 'redFlags',
                    width: 90,
                    render: (n: number) =>
                      n ? <Typography.Text type="danger">{n} 件</Typography.Text> : '0',
                  },
                ]}
              />
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
