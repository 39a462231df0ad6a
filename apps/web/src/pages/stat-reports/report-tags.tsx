import type { StatReportStatus } from '@lianxi/domain';
import { Alert, Space, Tag, Tooltip } from 'antd';
import { REPORT_STATUS_COLOURS, reportStatusLabel } from '../../lib/figures';

/** 草稿 / 待审核 / 已审核; `data-status` lets tests read it. */
export function ReportStatusTag({ status }: { status: StatReportStatus }) {
  return (
    <Tag color={REPORT_STATUS_COLOURS[status]} data-testid="report-status" data-status={status}>
      {reportStatusLabel(status)}
    </Tag>
  );
}

/** Why the office sent the report back, where the unit reads and corrects it. */
export function ReturnReasonAlert({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={`退回原因：${reason}`}
      data-testid="report-return-reason"
    />
  );
}

/** A list's status cell: the status, and 已退回 (the reason on hover) while it stands. */
export function ReportStatusCell({
  status,
  returnReason,
}: {
  status: StatReportStatus;
  returnReason: string | null;
}) {
  return (
    <Space size={[0, 4]} wrap>
      <ReportStatusTag status={status} />
      {returnReason && (
        <Tooltip title={`退回原因：${returnReason}`}>
          <Tag color="warning" data-testid="report-returned">
            已退回
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
