import { monthLabel, type StatReport } from '@lianxi/domain';
import type { TableColumnType } from 'antd';
import { Link } from 'react-router';
import type { FromList } from '../../components/Breadcrumbs';
import { formatTime } from '../../lib/format';
import { sortOrderOf } from '../../lib/url-filters';
import { ReviewActions } from './ReviewActions';
import { ReportStatusCell } from './report-tags';

type Column = TableColumnType<StatReport>;

/** Newest month first until the clerk sorts otherwise. */
export const DEFAULT_REPORT_SORT = '-month';

/** The columns a unit's own report list and the office's review list show alike. */
export const reportColumns = {
  month: (width: number, sort: string, from: FromList): Column => ({
    title: '月份',
    key: 'month',
    dataIndex: 'month',
    width,
    sorter: true,
    // from the default (newest first) a click turns it round, not off
    sortDirections: ['descend', 'ascend'],
    sortOrder: sortOrderOf(sort, 'month'),
    render: (m: string, r) => (
      <Link to={`/stat-reports/${r.id}`} state={from} data-testid="report-link">
        {monthLabel(m)}
      </Link>
    ),
  }),
  status: (): Column => ({
    title: '状态',
    dataIndex: 'status',
    width: 140,
    render: (_, r) => <ReportStatusCell status={r.status} returnReason={r.returnReason} />,
  }),
  submittedAt: (sort: string): Column => ({
    title: '上报时间',
    key: 'submittedAt',
    dataIndex: 'submittedAt',
    width: 170,
    sorter: true,
    sortOrder: sortOrderOf(sort, 'submittedAt'),
    render: formatTime,
  }),
  actions: (width: number): Column => ({
    title: '操作',
    key: 'actions',
    width,
    render: (_, r) => <ReviewActions report={r} compact />,
  }),
};
