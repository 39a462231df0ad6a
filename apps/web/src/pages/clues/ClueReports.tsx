import { LockOutlined } from '@ant-design/icons';
import { CLUE_CHANNEL_LABELS, type ClueReport } from '@lianxi/domain';
import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { formatTime } from '../../lib/format';

/** The reporter, shown only when the API sent one: to the office and the holding unit. */
function ReporterLine({ reporter }: { reporter: NonNullable<ClueReport['reporter']> }) {
  return (
    <Space wrap size={4} data-testid="clue-reporter">
      <Tag icon={<LockOutlined />} color="gold">
        保密
      </Tag>
      <span>
        举报人：{reporter.name}
        {reporter.phone ? `，电话 ${reporter.phone}` : ''}
      </span>
    </Space>
  );
}

/** Every report of the clue, oldest first: a repeat report joins the clue it names. */
export function ClueReports({ reports }: { reports: ClueReport[] }) {
  const shown = reports.some((r) => r.reporter);
  return (
    <Card
      title={`举报记录（${reports.length}）`}
      size="small"
      data-testid="clue-reports"
      extra={
        shown && (
          <Typography.Text type="secondary">举报人信息保密，仅打传办与承办单位可见</Typography.Text>
        )
      }
    >
      {reports.length === 0 ? (
        <Empty description="暂无举报记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={reports.map((r, i) => ({
            key: i,
            content: (
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Typography.Text strong>第 {i + 1} 次举报</Typography.Text>
                  <Typography.Text type="secondary">
                    {formatTime(r.at)} · {CLUE_CHANNEL_LABELS[r.channel]}
                  </Typography.Text>
                </Space>
                <Typography.Paragraph className="lx-pre" ellipsis={{ rows: 4, expandable: true }}>
                  {r.description}
                </Typography.Paragraph>
                {r.reporter ? (
                  <ReporterLine reporter={r.reporter} />
                ) : r.reporter === null ? (
                  <Typography.Text type="secondary">匿名举报</Typography.Text>
                ) : null}
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}
