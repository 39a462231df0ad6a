import { monthLabel, type StatReport } from '@lianxi/domain';
import type { TableColumnType } from 'antd';
import { Link } from 'react-router';
import { formatTime } from '../../lib/format';
import { ReviewActions } from './ReviewActions';
import { ReportStatusCell } from './report-tags';

type Column = TableColumnType<StatReport>;

/** The columns a unit's own report list and the office's review list show alike. */
export const reportColumns = {
  month: (width: number): Column => ({
    title: '月份',
    dataIndex: 'month',
    width,
    render: (m: string, r) => (
      <Link to={`/stat-reports/${r.id}`} data-testid="report-link">
        {monthLabel(m)}
      </Link>
    ),
  }),
  status: (): Column => ({
    title: '状态',
    dataIndex: 'status',
    width: 150,
    render: (_, r) => <ReportStatusCell status={r.status} returnReason={r.returnReason} />,
  }),
  submittedAt: (): Column => ({
    title: '上报时间',
    dataIndex: 'submittedAt',
    width: 180,
    render: formatTime,
  }),
  actions: (width: number): Column => ({
    title: '操作',
    key: 'actions',
    width,
    render: (_, r) => <ReviewActions report={r} compact />,
  }),
};
