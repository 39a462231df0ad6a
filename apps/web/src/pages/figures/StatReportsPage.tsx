import { FormOutlined } from '@ant-design/icons';
import { monthLabel, REPORT_DUE_DAY, reportDueDate, type StatReport } from '@lianxi/domain';
import { Alert, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useStatReports } from '../../api/figures';
import { isOffice, useMe } from '../../auth';
import { QueryState } from '../../components/QueryState';
import { reportingMonth } from '../../lib/figures';
import { formatTime } from '../../lib/format';
import { reportColumns } from './report-columns';
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

/** 月报填报: the unit's months with their status, and the month now due. */
function MyReports() {
  const query = useStatReports();
  const due = reportingMonth();
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
      <QueryState {...query}>
        {(reports) => (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {!reports.some((r) => r.month === due) && (
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
            )}
            <Table<StatReport>
              rowKey="id"
              dataSource={reports}
              pagination={reports.length > 24 ? { pageSize: 24, showSizeChanger: false } : false}
              scroll={{ x: 820 }}
              data-testid="report-list"
              locale={{ emptyText: <Empty description="尚未填报过统计报表" /> }}
              columns={[
                reportColumns.month(130),
                reportColumns.status(),
                reportColumns.submittedAt(),
                { title: '审核时间', dataIndex: 'approvedAt', width: 180, render: formatTime },
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
        )}
      </QueryState>
    </Card>
  );
}
