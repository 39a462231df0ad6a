import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { ReturnStatReportInput, type StatReport } from '@lianxi/domain';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import {
  approveStatReport,
  returnStatReport,
  submitStatReport,
  useInvalidateFigures,
} from '../../api/stat-reports';
import { isOffice, useMe } from '../../auth';
import { ReasonedActionModal } from '../../components/ReasonedActionModal';
import { useErrorNotice } from '../../components/feedback';

/**
 * 上报 (the unit or the office, a draft), 审核通过 and 退回 (the office, a submitted report):
 * the buttons for what the report's status allows the caller.
 */
export function ReviewActions({ report, compact }: { report: StatReport; compact?: boolean }) {
  const me = useMe();
  const office = isOffice(me.role);
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const invalidate = useInvalidateFigures();
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const size = compact ? 'small' : 'middle';
  const canSubmit = report.status === 'draft' && (office || me.unitId === report.unitId);
  const canReview = office && report.status === 'submitted';

  const act = async (verb: 'submit' | 'approve', done: string) => {
    setBusy(verb);
    try {
      await (verb === 'submit' ? submitStatReport : approveStatReport)(report.id);
      message.success(done);
    } catch (e) {
      notice(e);
    } finally {
      setBusy(null);
      await invalidate();
    }
  };

  if (!canSubmit && !canReview) return null;
  return (
    <>
      <Space size={compact ? 4 : 8} wrap data-testid="report-actions">
        {canSubmit && (
          <Button
            size={size}
            type="primary"
            icon={<SendOutlined />}
            loading={busy === 'submit'}
            onClick={() => void act('submit', '报表已上报')}
            data-testid="report-action-submit"
          >
            上报
          </Button>
        )}
        {canReview && (
          <Button
            size={size}
            type="primary"
            icon={<CheckOutlined />}
            loading={busy === 'approve'}
            onClick={() => void act('approve', '报表已审核通过')}
            data-testid="report-action-approve"
          >
            审核通过
          </Button>
        )}
        {canReview && (
          <Button
            size={size}
            danger
            icon={<RollbackOutlined />}
            onClick={() => setReturning(true)}
            data-testid="report-action-return"
          >
            退回
          </Button>
        )}
      </Space>
      <ReasonedActionModal
        open={returning}
        title="退回修改"
        okText="退回"
        danger
        formName={`return-form-${report.id}`}
        name="reason"
        label="退回理由"
        schema={ReturnStatReportInput.shape.reason}
        maxLength={500}
        showCount
        placeholder="例如：捣毁窝点数与案件台账不符，请核对。"
        onClose={() => setReturning(false)}
        onSubmit={(reason) => returnStatReport(report.id, { reason })}
        success="已退回，填报单位将收到通知"
        onDone={invalidate}
      />
    </>
  );
}
