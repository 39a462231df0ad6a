import { useInvalidateAttachments, useOrderAttachments } from '../api/attachments';
import { orderAttachmentsPath } from '../api/work-orders';
import { isOffice, useMe } from '../auth';
import { AttachmentCard } from './Attachments';

/**
 * 交办单附件: the order's own files (the notice, a list of addresses), for the order page and
 * each of its tasks' pages; the office adds to them, the units holding a task read them.
 */
export function OrderAttachmentsCard({ orderId }: { orderId: string }) {
  const me = useMe();
  const invalidate = useInvalidateAttachments();
  const files = (useOrderAttachments(orderId).data?.items ?? []).filter((a) => a.taskId === null);
  return (
    <AttachmentCard
      title={`交办单附件（${files.length}）`}
      attachments={files}
      upload={
        isOffice(me.role)
          ? {
              path: orderAttachmentsPath(orderId),
              onUploaded: () => invalidate({ orderId }),
            }
          : undefined
      }
      emptyText="交办单未附文件"
      testId="order-attachments"
    />
  );
}
