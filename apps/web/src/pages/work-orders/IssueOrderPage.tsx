import type { WorkOrder } from '@lianxi/domain';
import { App } from 'antd';
import { useNavigate } from 'react-router';
import { post } from '../../api/client';
import { IssueOrderForm } from './IssueOrderForm';

/** 下发交办单: one 主办 unit and any 协办 units, picked by their written duties. */
export default function IssueOrderPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <IssueOrderForm
      name="issue-order"
      layout="page"
      title="下发交办单"
      send={(input) => post<WorkOrder>('/api/work-orders', input)}
      onIssued={(order) => {
        message.success(`交办单 ${order.serial} 已下发`);
        navigate(`/work-orders/${order.id}`);
      }}
    />
  );
}
