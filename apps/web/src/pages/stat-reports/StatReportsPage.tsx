import { FormOutlined } from '@ant-design/icons';
import {
  monthLabel,
  REPORT_DUE_DAY,
  reportDueDate,
  STAT_REPORT_LIST_STATUS_LABELS,
} from '@lianxi/domain';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useStatReportList } from '../../api/stat-reports';
import { isOffice, useMe } from '../../auth';
import { useFromList } from '../../components/Breadcrumbs';
import { SearchableList } from '../../components/SearchableList';
import type { SearchField } from '../../components/SearchBar';
import { options } from '../../components/search-fields';
import { reportingMonth } from '../../lib/figures';
import { formatTime } from '../../lib/format';
import { useUrlFilters } from '../../lib/url-filters';
import { DEFAULT_REPORT_SORT, reportColumns } from './report-columns';
import { ReviewReports } from './ReviewReports';

/** 统计报表: the office reviews every unit's; a unit files and follows its own months. */
export default function StatReportsPage() {
  const me = useMe();
  return isOffice(me.role) ? <ReviewReports /> : <MyReports />;
}

const dueText = (month: string) => {
  const due = reportDueDate(month);
  return `${Number(due.slice(5, 7))} 月 ${Number(due.slice(8, 10))} 日`;
};

const FILTERS = ['status', 'from', 'to'] as const;
const FIELDS: SearchField[] = [
  {
    kind: 'dates',
    picker: 'month',
    from: 'from',
    to: 'to',
    placeholder: ['月份自', '月份至'],
  },
  {
    kind: 'select',
    name: 'status',
    placeholder: '状态',
    options: options(STAT_REPORT_LIST_STATUS_LABELS),
    width: 120,
  },
];

/** The month now due, when the unit has not filed it yet (whatever the search shows). */
function DueAlert() {
  const due = reportingMonth();
  const filed = useStatReportList({ month: due, offset: 0, limit: 1 });
  if (filed.data?.total !== 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="report-due"
      title={`${monthLabel(due)}统计报表尚未填报，请于 ${dueText(due)}前报送。`}
      action={
        <Link to={`/stat-reports/new?month=${due}`}>
          <Button size="small" type="primary">
            去填报
          </Button>
        </Link>
      }
    />
  );
}

/** 月报填报: the unit's months with their status, and the month now due. */
function MyReports() {
  const list = useUrlFilters(FILTERS);
  const sort = list.sort ?? DEFAULT_REPORT_SORT;
  const query = useStatReportList({ ...list.apiQuery, sort });
  const from = useFromList('月报填报');
  return (
    <Card
      title="月报填报"
      data-testid="my-reports"
      extra={
        <Link to="/stat-reports/new">
          <Button type="primary" icon={<FormOutlined />} data-testid="report-new">
            填报
          </Button>
        </Link>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <DueAlert />
        <SearchableList
          list={list}
          fields={FIELDS}
          query={query}
          testId="report-list"
          empty="没有符合条件的报表"
          scrollX={820}
          columns={[
            reportColumns.month(130, sort, from),
            reportColumns.status(),
            reportColumns.submittedAt(sort),
            { title: '审核时间', dataIndex: 'approvedAt', width: 170, render: formatTime },
            {
              title: '更正',
              dataIndex: 'corrections',
              width: 70,
              render: (n: number) => (n ? `${n} 次` : '—'),
            },
            reportColumns.actions(100),
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          每月 {REPORT_DUE_DAY}{' '}
          日前报送上月数据。已审核的报表如需更正，请在报表页点“更正”并说明理由。
        </Typography.Text>
      </Space>
    </Card>
  );
}
