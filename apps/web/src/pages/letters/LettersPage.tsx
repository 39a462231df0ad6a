import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { LETTER_STATUS_LABELS, type LetterStatus } from '@lianxi/domain';
import { Button, Card, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useLetterList } from '../../api/letters';
import { useUnitNames } from '../../api/units';
import { isOffice, useMe } from '../../auth';
import { useFromList } from '../../components/Breadcrumbs';
import { SearchableList } from '../../components/SearchableList';
import type { SearchField } from '../../components/SearchBar';
import { options, useUnitField } from '../../components/search-fields';
import { formatDate } from '../../lib/format';
import { sortOrderOf, useUrlFilters } from '../../lib/url-filters';
import { LetterStatusTag, OwnStanding, useYearParam } from './letter-parts';

const FILTERS = ['q', 'unitId', 'year', 'status'] as const;
/** Newest year first until the clerk sorts otherwise. */
const DEFAULT_SORT = '-year';

/** 责任书: the office drafts and issues one per unit and year; a unit reads and signs its own. */
export default function LettersPage() {
  const me = useMe();
  const office = isOffice(me.role);
  const unit = me.role === 'unit';
  // the year searched for, else this year: the year the ranking and a new draft open at
  const { year, years } = useYearParam();
  const list = useUrlFilters(FILTERS);
  const sort = list.sort ?? DEFAULT_SORT;
  const query = useLetterList({ ...list.apiQuery, sort });
  const unitName = useUnitNames();
  const from = useFromList(unit ? '我的责任书' : '责任书');
  const unitField = useUnitField('责任单位');
  // a unit never sees a draft: offering it would only ever find nothing
  const statuses = unit
    ? options(LETTER_STATUS_LABELS).filter((o) => o.value !== 'draft')
    : options(LETTER_STATUS_LABELS);
  const fields: SearchField[] = [
    { kind: 'text', name: 'q', placeholder: '责任书名称 / 单位' },
    ...(unit ? [] : [unitField]),
    {
      kind: 'select',
      name: 'year',
      placeholder: '年度',
      options: years.map((y) => ({ value: String(y), label: `${y} 年度` })),
      width: 120,
    },
    { kind: 'select', name: 'status', placeholder: '状态', options: statuses, width: 120 },
  ];
  return (
    <Card
      title={unit ? '我的责任书' : '责任书'}
      extra={
        <Space wrap>
          {!unit && (
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
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {unit && <OwnStanding year={year} />}
        <SearchableList
          list={list}
          fields={fields}
          query={query}
          testId="letter-list"
          empty={unit ? '暂无下达给本单位的责任书' : '暂无责任书'}
          scrollX={860}
          columns={[
            {
              title: '责任书',
              dataIndex: 'title',
              render: (t: string, l) => (
                <Typography.Text ellipsis={{ tooltip: t }} style={{ maxWidth: '100%' }}>
                  <Link to={`/letters/${l.id}`} state={from} data-testid="letter-link">
                    {t}
                  </Link>
                </Typography.Text>
              ),
            },
            {
              title: '年度',
              key: 'year',
              dataIndex: 'year',
              width: 90,
              sorter: true,
              // from the default (newest first) a click turns it round, not off
              sortDirections: ['descend', 'ascend'],
              sortOrder: sortOrderOf(sort, 'year'),
            },
            {
              title: '责任单位',
              dataIndex: 'unitId',
              width: 180,
              ellipsis: true,
              render: (id: string) => unitName(id),
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: LetterStatus) => <LetterStatusTag status={s} />,
            },
            {
              title: '下达',
              key: 'issuedAt',
              dataIndex: 'issuedAt',
              width: 130,
              sorter: true,
              sortOrder: sortOrderOf(sort, 'issuedAt'),
              render: formatDate,
            },
            {
              title: '签订',
              key: 'signedAt',
              dataIndex: 'signedAt',
              width: 130,
              sorter: true,
              sortOrder: sortOrderOf(sort, 'signedAt'),
              render: formatDate,
            },
          ]}
        />
        {office && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            草稿仅打传办可见；下达后责任单位收到通知并签订，督查、领导可查阅。
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
