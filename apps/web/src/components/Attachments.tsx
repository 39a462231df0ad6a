import {
  DownloadOutlined,
  FileOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, type Attachment } from '@lianxi/domain';
import { App, Button, Card, Empty, Image, Space, Typography, Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { attachmentPath, downloadAttachment, fetchFile, uploadFile } from '../api/attachments';
import { useUnitNames } from '../api/units';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_KINDS_TEXT,
  ATTACHMENT_LIMIT_TEXT,
  formatBytes,
  OFFICE_NAME,
} from '../lib/clues';
import { formatTime } from '../lib/format';
import { useErrorNotice } from './feedback';
import { ItemList } from './ItemList';

/** Pictures small enough to fetch whole for a thumbnail; larger ones show an icon. */
const THUMBNAIL_MAX_BYTES = 5 * 1024 * 1024;
const isPicture = (a: Attachment) => a.mediaType.startsWith('image/');

/** A blob as a data: URL: the page's CSP (helmet's default) allows data: images, not blob:. */
const asDataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });

/** A picture fetched with the bearer header (an <img src> to the API would carry none). */
function usePictureUrl(path: string | null) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!path) return;
    let live = true;
    fetchFile(path)
      .then(asDataUrl)
      .then(
        (made) => live && setUrl(made),
        () => {
          // the name and the download link still show; a thumbnail is a convenience
        },
      );
    return () => {
      live = false;
    };
  }, [path]);
  return url;
}

function Thumbnail({ attachment }: { attachment: Attachment }) {
  const showable = isPicture(attachment) && attachment.size <= THUMBNAIL_MAX_BYTES;
  const url = usePictureUrl(showable ? attachmentPath(attachment.id) : null);
  const box = { width: 56, height: 56, flex: 'none' as const };
  if (!showable || !url) {
    return (
      <div
        style={{ ...box, display: 'grid', placeItems: 'center', background: '#f5f5f5' }}
        aria-hidden
      >
        {isPicture(attachment) ? <PaperClipOutlined /> : <FileOutlined />}
      </div>
    );
  }
  return (
    <Image
      src={url}
      alt={attachment.fileName}
      width={56}
      height={56}
      style={{ objectFit: 'cover' }}
      preview={{ mask: '预览' }}
      data-testid="attachment-thumb"
    />
  );
}

/**
 * Files as a list: a thumbnail for pictures, the name, kind, size, who added it and when,
 * and a download that carries the login (a bare link would not).
 */
export function AttachmentItems({
  attachments,
  testId = 'attachment-list',
}: {
  attachments: Attachment[];
  testId?: string;
}) {
  const notice = useErrorNotice();
  const unitName = useUnitNames();
  const [fetching, setFetching] = useState<string | null>(null);

  const save = async (a: Attachment) => {
    setFetching(a.id);
    try {
      await downloadAttachment(a);
    } catch (e) {
      notice(e);
    } finally {
      setFetching(null);
    }
  };

  return (
    <ItemList
      testId={testId}
      items={attachments.map((a) => ({
        key: a.id,
        title: (
          <Space size={10} align="start">
            <Thumbnail attachment={a} />
            <Space orientation="vertical" size={2}>
              <span data-testid="attachment-name" style={{ wordBreak: 'break-all' }}>
                {a.fileName}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {ATTACHMENT_TYPES[a.mediaType] ?? a.mediaType} · {formatBytes(a.size)} ·{' '}
                {a.uploadedByUnitId ? unitName(a.uploadedByUnitId) : OFFICE_NAME} 上传于{' '}
                {formatTime(a.uploadedAt)}
              </Typography.Text>
            </Space>
          </Space>
        ),
        actions: [
          <Button
            key="download"
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            loading={fetching === a.id}
            onClick={() => void save(a)}
            data-testid="attachment-download"
          >
            下载
          </Button>,
        ],
      }))}
    />
  );
}

/** Refuses, before sending, a file over the limit; the server still judges every file. */
export function useSizeCheck() {
  const { message } = App.useApp();
  return (file: { name: string; size?: number }) => {
    if ((file.size ?? 0) > ATTACHMENT_MAX_BYTES) {
      message.error(`“${file.name}”超过 ${ATTACHMENT_LIMIT_TEXT}，不能上传`);
      return false;
    }
    return true;
  };
}

export const ATTACHMENT_HINT = `单个文件不超过 ${ATTACHMENT_LIMIT_TEXT}；可上传${ATTACHMENT_KINDS_TEXT}（按文件内容识别类型，其他类型将被拒收）。`;

interface UploadButtonProps {
  /** Where the file goes: POST /api/clues/:id/attachments, /api/tasks/:id/attachments, … */
  path: string;
  fields?: Record<string, string>;
  onUploaded: (saved: Attachment) => unknown;
  label?: string;
  size?: 'small' | 'middle';
}

/**
 * Sends each chosen file at once, showing its progress while it goes; a refused file stays
 * in the list in red with the server's reason, and is explained in a notice.
 */
export function UploadButton({
  path,
  fields,
  onUploaded,
  label = '上传',
  size = 'small',
}: UploadButtonProps) {
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const fits = useSizeCheck();
  const [files, setFiles] = useState<UploadFile[]>([]);

  const customRequest: UploadProps['customRequest'] = async ({
    file,
    onSuccess,
    onError,
    onProgress,
  }) => {
    try {
      const saved = await uploadFile(path, file as Blob, {
        fields,
        onProgress: (percent) => onProgress?.({ percent }),
      });
      onSuccess?.(saved);
      message.success(`“${saved.fileName}”已上传`);
      await onUploaded(saved);
    } catch (e) {
      onError?.(e as Error, (e as Error).message);
      notice(e);
    }
  };

  return (
    <Upload
      accept={ATTACHMENT_ACCEPT}
      multiple
      fileList={files}
      // what went up appears in the list of files; what is going or was refused stays here
      onChange={({ fileList }) => setFiles(fileList.filter((f) => f.status !== 'done'))}
      beforeUpload={(file) => (fits(file) ? true : Upload.LIST_IGNORE)}
      customRequest={customRequest}
      showUploadList={{ showRemoveIcon: true }}
      data-testid="attachment-upload"
    >
      <Button
        size={size}
        icon={<UploadOutlined />}
        loading={files.some((f) => f.status === 'uploading')}
        data-testid="attachment-upload-button"
      >
        {label}
      </Button>
    </Upload>
  );
}

interface CardProps {
  title: ReactNode;
  attachments: Attachment[];
  /** Omitted: the reader may only look. */
  upload?: Omit<UploadButtonProps, 'size'>;
  emptyText: string;
  testId: string;
}

/** A card of files, with an upload button for those who may add to it. */
export function AttachmentCard({ title, attachments, upload, emptyText, testId }: CardProps) {
  return (
    <Card title={title} size="small" data-testid={testId}>
      {upload && (
        <div style={{ marginBottom: 12 }}>
          <UploadButton {...upload} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
            {ATTACHMENT_HINT}
          </Typography.Paragraph>
        </div>
      )}
      {attachments.length === 0 ? (
        <Empty description={emptyText} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <AttachmentItems attachments={attachments} />
      )}
    </Card>
  );
}
