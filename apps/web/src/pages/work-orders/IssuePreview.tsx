import type { IssuePreview } from '@lianxi/domain';
import { Alert, Descriptions, Typography } from 'antd';

/** "10 个工作日", or the same day for a limit of none. */
export function limitInWords(p: IssuePreview): string {
  if (p.rule && p.rule.amount === 0) return '当日办结';
  return p.workdays === null ? '' : `${p.workdays} 个工作日`;
}

/** The limits the order will get if sent now, as the server counts them, beside the field. */
export function DuePreview({
  preview,
  loading,
}: {
  preview: IssuePreview | undefined;
  loading: boolean;
}) {
  if (!preview) {
    return (
      <Typography.Text type="secondary" data-testid="due-preview">
        {loading ? '正在按工作日历计算期限…' : '填写有效的办理时限后显示期限'}
      </Typography.Text>
    );
  }
  return (
    <Alert
      type={preview.provisional ? 'warning' : 'info'}
      showIcon
      data-testid="due-preview"
      title={
        <span>
          办理期限：<strong data-testid="due-preview-day">{preview.due.words}</strong>（
          {limitInWords(preview)}，北京时间）
        </span>
      }
      description={
        <span>
          签收时限：{preview.signDue.words}
          {preview.provisional ? '。期限所在年份的节假日尚未导入，暂按周一至周五计算。' : ''}
        </span>
      }
    />
  );
}

/** What the office is asked to confirm: who gets the order and by when. */
export function IssueConfirmation({
  title,
  lead,
  assists,
  preview,
}: {
  title: string;
  lead: string;
  assists: string[];
  preview: IssuePreview;
}) {
  return (
    <Descriptions
      column={1}
      size="small"
      data-testid="issue-confirmation"
      items={[
        { key: 'title', label: '交办单', children: title },
        { key: 'lead', label: '主办单位', children: lead },
        { key: 'assists', label: '协办单位', children: assists.length ? assists.join('、') : '无' },
        { key: 'count', label: '承办单位', children: `共 ${assists.length + 1} 个` },
        {
          key: 'due',
          label: '办理期限',
          children: (
            <span data-testid="confirm-due">
              {preview.due.day}（{limitInWords(preview)}）
            </span>
          ),
        },
        { key: 'sign', label: '签收时限', children: preview.signDue.words },
      ]}
    />
  );
}
