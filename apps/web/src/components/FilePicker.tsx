import { UploadOutlined } from '@ant-design/icons';
import type { Attachment } from '@lianxi/domain';
import { Button, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { uploadFile } from '../api/attachments';
import { isApiError } from '../api/client';
import { ATTACHMENT_ACCEPT } from '../lib/clues';
import { ATTACHMENT_HINT, useSizeCheck } from './Attachments';

interface PickerProps {
  /** Given by Form.Item (valuePropName="fileList"). */
  fileList?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
  disabled?: boolean;
}

/**
 * Files chosen in a form and kept in the browser until the form is sent, because what they
 * belong to (the order, the 进展 / 反馈 entry) exists only then. Use inside
 * `<Form.Item name="files" valuePropName="fileList" getValueFromEvent={pickedFiles}>`.
 */
export function FilePicker({ fileList = [], onChange, disabled }: PickerProps) {
  const fits = useSizeCheck();
  return (
    <div data-testid="file-picker">
      <Upload
        accept={ATTACHMENT_ACCEPT}
        multiple
        fileList={fileList}
        disabled={disabled}
        beforeUpload={(file) => (fits(file) ? false : Upload.LIST_IGNORE)}
        onChange={({ fileList: next }) => onChange?.(next)}
      >
        <Button icon={<UploadOutlined />} disabled={disabled} data-testid="file-picker-button">
          选择文件
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ATTACHMENT_HINT}
      </Typography.Text>
    </div>
  );
}

/** What Form.Item keeps of the picker's change event: the list itself. */
export const pickedFiles = (files: UploadFile[] | { fileList: UploadFile[] }) =>
  Array.isArray(files) ? files : files.fileList;

export interface Refused {
  name: string;
  reason: string;
}

/**
 * Sends the picked files one after another to `path`, showing each one's progress and
 * outcome through `show`; answers the files that were refused, with the server's reason.
 */
export async function sendPicked(
  files: UploadFile[],
  path: string,
  show: (files: UploadFile[]) => void,
  fields?: Record<string, string>,
): Promise<{ saved: Attachment[]; refused: Refused[] }> {
  let list = files.map((f) => ({ ...f }));
  const update = (uid: string, change: Partial<UploadFile>) => {
    list = list.map((f) => (f.uid === uid ? { ...f, ...change } : f));
    show(list);
  };
  const saved: Attachment[] = [];
  const refused: Refused[] = [];
  for (const f of files) {
    if (!f.originFileObj || f.status === 'done') continue;
    update(f.uid, { status: 'uploading', percent: 0 });
    try {
      const one = await uploadFile(path, f.originFileObj, {
        fields,
        onProgress: (percent) => update(f.uid, { percent }),
      });
      saved.push(one);
      update(f.uid, { status: 'done', percent: 100 });
    } catch (e) {
      const reason = isApiError(e) ? e.problem.detail || e.problem.title : '上传失败';
      refused.push({ name: f.name, reason });
      update(f.uid, { status: 'error', response: reason });
    }
  }
  return { saved, refused };
}

/** One sentence for a notice: 「a.png」（原因）、「b.pdf」（原因）. */
export const refusedText = (refused: Refused[]) =>
  refused.map((r) => `“${r.name}”（${r.reason}）`).join('、');
