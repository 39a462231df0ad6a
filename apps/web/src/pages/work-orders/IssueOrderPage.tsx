import { App } from 'antd';
import { useNavigate } from 'react-router';
import { IssueOrderForm } from './IssueOrderForm';
import { issueWorkOrder } from '../../api/work-orders';

/** 下发交办单: one 主办 unit and any 协办 units, picked by their written duties. */
export default function IssueOrderPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <IssueOrderForm
      name="issue-order"
      layout="page"
      title="下发交办单"
      send={issueWorkOrder}
      onIssued={(order) => {
        message.success(`交办单 ${order.serial} 已下发`);
        navigate(`/work-orders/${order.id}`);
      }}
    />
  );
}
