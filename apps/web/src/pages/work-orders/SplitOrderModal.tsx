import type { WorkOrder } from '@lianxi/domain';
import { Alert, App, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { splitOrderDown } from '../../api/conferences';
import { formatTime } from '../../lib/format';
import { IssueOrderForm } from './IssueOrderForm';

/**
 * 分解交办: the office splits the share it received from above into its own order to its
 * units, the form filled in with the share's title and content; due no later than the share.
 */
export function SplitOrderModal({ share, onClose }: { share: WorkOrder; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const lead = share.tasks.find((t) => t.role === 'lead');
  return (
    <Modal
      open
      title={`分解交办（${share.serial}）`}
      onCancel={onClose}
      footer={null}
      width={720}
      destroyOnHidden
    >
      <IssueOrderForm
        name={`split-order-${share.id}`}
        layout="dialog"
        intro={
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`上级交办单 ${share.serial}：${share.title}`}
            description={
              lead
                ? `分解后的办理期限不得晚于上级交办任务的期限 ${formatTime(lead.dueAt)}。`
                : undefined
            }
          />
        }
        initialValues={{
          title: share.title,
          body: `${share.body}\n\n请按职责抓好落实，并按期反馈办理情况。`,
        }}
        send={(input) => splitOrderDown(share.id, input)}
        onIssued={(order) => {
          message.success(`交办单 ${order.serial} 已下发`);
          onClose();
          navigate(`/work-orders/${order.id}`);
        }}
      />
    </Modal>
  );
}
