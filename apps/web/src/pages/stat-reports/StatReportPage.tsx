import { EditOutlined } from '@ant-design/icons';
import { monthLabel, type StatReportDetail, type StatRevision } from '@lianxi/domain';
import { Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useStatReport } from '../../api/stat-reports';
import { useUnitNames } from '../../api/units';
import { isOffice, useMe } from '../../auth';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { QueryState } from '../../components/QueryState';
import { changedFigures } from '../../lib/figures';
import { formatTime } from '../../lib/format';
import { FiguresView } from './FiguresFields';
import { ReportStatusTag, ReturnReasonAlert } from './report-tags';
import { ReviewActions } from './ReviewActions';

export default function StatReportPage() {
  const { id } = useParams();
  const query = useStatReport(id);
  return (
    <QueryState {...query} notFoundTitle="统计报表不存在或无权访问">
      {(report) => <ReportView report={report} />}
    </QueryState>
  );
}

/** 修改记录: every set of figures the report has had, and what each change moved. */
function Revisions({ revisions }: { revisions: StatRevision[] }) {
  const ordered = [...revisions].sort((a, b) => a.revision - b.revision);
  const rows = ordered
    .map((r, i) => ({
      ...r,
      changes: i ? changedFigures(ordered[i - 1].figures, r.figures) : null,
    }))
    .reverse();
  return (
    <Card title={`修改记录（${revisions.length}）`} size="small" data-testid="report-revisions">
      <Table
        rowKey="revision"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{
          emptyText: <Empty description="暂无修改记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />,
        }}
        columns={[
          { title: '版本', dataIndex: 'revision', width: 60, render: (n: number) => `第 ${n} 版` },
          { title: '时间', dataIndex: 'at', width: 180, render: formatTime },
          {
            title: '更正理由',
            dataIndex: 'reason',
            width: 200,
            render: (r: string | null) =>
              r ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
          {
            title: '变动',
            key: 'changes',
            render: (_, r) =>
              r.changes === null ? (
                '首次填报'
              ) : r.changes.length === 0 ? (
                <Typography.Text type="secondary">数据未变</Typography.Text>
              ) : (
                <Space size={[4, 4]} wrap>
                  {r.changes.map((c) => (
                    <Tag key={c.key}>
                      {c.label} {c.from} → {c.to}
                    </Tag>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}

function ReportView({ report }: { report: StatReportDetail }) {
  const me = useMe();
  const unitName = useUnitNames();
  const mine = me.role === 'unit' && me.unitId === report.unitId;
  const canEdit = isOffice(me.role) || mine;
  const editLabel = report.status === 'approved' ? '更正' : '修改';
  const title = `${unitName(report.unitId)} ${monthLabel(report.month)}统计报表`;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="report-detail">
      <Breadcrumbs
        list={{ title: isOffice(me.role) ? '报表审核' : '月报填报', to: '/stat-reports' }}
        current={title}
      />
      <Card
        title={
          <Space wrap>
            <span data-testid="report-title">{title}</span>
            <ReportStatusTag status={report.status} />
          </Space>
        }
        extra={
          canEdit && (
            <Link to={`/stat-reports/${report.id}/edit`}>
              <Button icon={<EditOutlined />} data-testid="report-edit">
                {editLabel}
              </Button>
            </Link>
          )
        }
      >
        <ReturnReasonAlert reason={report.returnReason} />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'submitted', label: '上报时间', children: formatTime(report.submittedAt) },
            { key: 'approved', label: '审核时间', children: formatTime(report.approvedAt) },
            { key: 'corrections', label: '审核后更正', children: `${report.corrections} 次` },
            ...(report.note ? [{ key: 'note', label: '备注', children: report.note }] : []),
          ]}
        />
        <FiguresView figures={report.figures} />
        <div style={{ marginTop: 12 }}>
          <ReviewActions report={report} />
        </div>
      </Card>
      <Revisions revisions={report.revisions} />
    </Space>
  );
}
