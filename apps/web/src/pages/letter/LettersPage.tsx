import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import type { Letter, LetterStatus } from '@lianxi/domain';
import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useLetters } from '../../api/meetings';
import { useUnitNames } from '../../api/queries';
import { isOffice, useMe } from '../../auth';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { LetterStatusTag, OwnStanding, useYearParam, YearSelect } from './letter-parts';

/** 责任书: the office drafts and issues one per unit and year; a unit reads and signs its own. */
export default function LettersPage() {
  const me = useMe();
  const office = isOffice(me.role);
  const { year, years, setYear } = useYearParam();
  const query = useLetters(year);
  const unitName = useUnitNames();
  return (
    <Card title={me.role === 'unit' ? '我的责任书' : '责任书'}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <YearSelect year={year} years={years} onChange={setYear} />
          {me.role !== 'unit' && (
            <Link to={`/letters/ranking?year=${year}`}>
              <Button icon={<TrophyOutlined />}>考核排名</Button>
            </Link>
          )}
          {office && (
            <Link to={`/letters/new?year=${year}`}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="letter-new">
                起草责任书
              </Button>
            </Link>
          )}
        </Space>
        {me.role === 'unit' && <OwnStanding year={year} />}
        <QueryState {...query}>
          {(letters) => (
            <div data-testid="letter-list">
              <Table<Letter>
                rowKey="id"
                dataSource={letters}
                scroll={{ x: 820 }}
                pagination={false}
                locale={{
                  emptyText: (
                    <Empty
                      description={
                        me.role === 'unit' ? `${year} 年度责任书尚未下达` : `${year} 年度暂无责任书`
                      }
                    />
                  ),
                }}
                columns={[
                  { title: '年度', dataIndex: 'year', width: 80 },
                  {
                    title: '责任单位',
                    dataIndex: 'unitId',
                    width: 190,
                    render: (id: string) => unitName(id),
                  },
                  {
                    title: '责任书',
                    dataIndex: 'title',
                    render: (t: string, l) => (
                      <Link to={`/letters/${l.id}`} data-testid="letter-link">
                        {t}
                      </Link>
                    ),
                  },
                  {
                    title: '状态',
                    dataIndex: 'status',
                    width: 90,
                    render: (s: LetterStatus) => <LetterStatusTag status={s} />,
                  },
                  { title: '下达', dataIndex: 'issuedAt', width: 150, render: formatDate },
                  { title: '签订', dataIndex: 'signedAt', width: 150, render: formatDate },
                ]}
              />
              {office && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
                  草稿仅打传办可见；下达后责任单位收到通知并签订，督查、领导可查阅。
                </Typography.Paragraph>
              )}
            </div>
          )}
        </QueryState>
      </Space>
    </Card>
  );
}
