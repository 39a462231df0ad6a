import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, type Attachment } from '@lianxi/domain';
import { App, Button, Card, Empty, Space, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useState } from 'react';
import { download, upload } from '../../api/client';
import { useInvalidateClues } from '../../api/clues';
import { useUnitNames } from '../../api/queries';
import { useErrorNotice } from '../../components/feedback';
import { ItemList } from '../../components/ItemList';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_KINDS_TEXT,
  ATTACHMENT_LIMIT_TEXT,
  formatBytes,
  OFFICE_NAME,
} from '../../lib/clues';
import { formatTime } from '../../lib/format';

interface Props {
  clueId: string;
  attachments: Attachment[];
  canUpload: boolean;
}

/** 证据材料: files kept with the clue; the server judges each by its content, not its name. */
export function ClueAttachments({ clueId, attachments, canUpload }: Props) {
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const invalidate = useInvalidateClues();
  const unitName = useUnitNames();
  const [uploading, setUploading] = useState(0);
  const [fetching, setFetching] = useState<string | null>(null);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (file.size > ATTACHMENT_MAX_BYTES) {
      message.error(`“${file.name}”超过 ${ATTACHMENT_LIMIT_TEXT}，不能上传`);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = async ({ file, onSuccess, onError }) => {
    setUploading((n) => n + 1);
    try {
      const saved = await upload<Attachment>(`/api/clues/${clueId}/attachments`, file as Blob);
      onSuccess?.(saved);
      message.success(`“${saved.fileName}”已上传`);
      await invalidate();
    } catch (e) {
      onError?.(e as Error);
      notice(e);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const fetchFile = async (a: Attachment) => {
    setFetching(a.id);
    try {
      await download(`/api/attachments/${a.id}`, a.fileName);
    } catch (e) {
      notice(e);
    } finally {
      setFetching(null);
    }
  };

  return (
    <Card
      title={`证据材料（${attachments.length}）`}
      size="small"
      data-testid="clue-attachments"
      extra={
        canUpload && (
          <Upload
            accept={ATTACHMENT_ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={beforeUpload}
            customRequest={customRequest}
            data-testid="attachment-upload"
          >
            <Button
              size="small"
              icon={<UploadOutlined />}
              loading={uploading > 0}
              data-testid="attachment-upload-button"
            >
              上传
            </Button>
          </Upload>
        )
      }
    >
      {canUpload && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          单个文件不超过 {ATTACHMENT_LIMIT_TEXT}；可上传{ATTACHMENT_KINDS_TEXT}
          （按文件内容识别类型，其他类型将被拒收）。
        </Typography.Paragraph>
      )}
      {attachments.length === 0 ? (
        <Empty description="暂无证据材料" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <ItemList
          testId="attachment-list"
          items={attachments.map((a) => ({
            key: a.id,
            title: (
              <Space size={6}>
                <PaperClipOutlined />
                <span data-testid="attachment-name">{a.fileName}</span>
              </Space>
            ),
            description: (
              <Space wrap size={8}>
                <span>{ATTACHMENT_TYPES[a.mediaType] ?? a.mediaType}</span>
                <span>{formatBytes(a.size)}</span>
                <span>
                  {a.uploadedByUnitId ? unitName(a.uploadedByUnitId) : OFFICE_NAME} 上传于{' '}
                  {formatTime(a.uploadedAt)}
                </span>
              </Space>
            ),
            actions: [
              <Button
                key="download"
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                loading={fetching === a.id}
                onClick={() => void fetchFile(a)}
                data-testid="attachment-download"
              >
                下载
              </Button>,
            ],
          }))}
        />
      )}
    </Card>
  );
}
