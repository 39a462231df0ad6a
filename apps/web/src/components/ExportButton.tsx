import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { download } from '../api/client';
import { useErrorNotice } from './feedback';

/** 导出 .xlsx: fetched with the bearer header and saved under a Chinese file name. */
export function ExportButton({
  path,
  fileName,
  label = '导出 Excel',
  testId,
}: {
  path: string;
  fileName: string;
  label?: string;
  testId?: string;
}) {
  const notice = useErrorNotice();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download(path, fileName);
    } catch (e) {
      notice(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => void run()}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
