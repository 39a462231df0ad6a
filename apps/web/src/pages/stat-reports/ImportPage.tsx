import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { FIGURES } from '@lianxi/domain';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Space,
  Table,
  Typography,
  Upload,
  type UploadProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import {
  downloadStats,
  type ImportOutcome,
  importStatReports,
  useInvalidateFigures,
} from '../../api/stat-reports';
import { useErrorNotice } from '../../components/feedback';
import { reportingMonth, shiftMonth } from '../../lib/figures';

type Outcome = ImportOutcome;
interface Failure {
  title: string;
  detail?: string;
  errors: { field: string; message: string }[];
}

const MAX_BYTES = 5 * 1024 * 1024;

/** 导入: a sheet of monthly figures, all or nothing; each bad cell named by row and column. */
export default function ImportPage() {
  const invalidate = useInvalidateFigures();
  const notice = useErrorNotice();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([
    dayjs(shiftMonth(reportingMonth(), -11)),
    dayjs(reportingMonth()),
  ]);
  const [fetching, setFetching] = useState(false);

  const customRequest: UploadProps['customRequest'] = async ({ file, onSuccess, onError }) => {
    setBusy(true);
    setOutcome(null);
    setFailure(null);
    try {
      const result = await importStatReports(file as Blob);
      setOutcome(result);
      onSuccess?.(result);
      await invalidate();
    } catch (e) {
      onError?.(e as Error);
      if (isApiError(e) && e.status < 500 && e.status !== 0) {
        setFailure({
          title: e.problem.title,
          detail: e.problem.detail,
          errors: e.problem.errors ?? [],
        });
      } else {
        notice(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const template = async () => {
    setFetching(true);
    try {
      const [from, to] = range.map((d) => d.format('YYYY-MM'));
      await downloadStats(from, to, `统计数据-${from}至${to}.xlsx`);
    } catch (e) {
      notice(e);
    } finally {
      setFetching(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="report-import">
      <Card title="导入统计数据" extra={<Link to="/stat-reports">返回报表审核</Link>}>
        <Typography.Paragraph>
          表格第一行为表头：<Typography.Text code>单位代码</Typography.Text>、
          <Typography.Text code>单位名称</Typography.Text>、
          <Typography.Text code>月份</Typography.Text>
          （YYYY-MM），其后依次为 {FIGURES.length}{' '}
          项统计数据（与导出格式相同）。导入的数据视为已审核；
          同一单位同一月份已有报表的，按“表格导入”理由更正并保留原数据。
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <DatePicker.RangePicker
            picker="month"
            format="YYYY-MM"
            allowClear={false}
            value={range}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
          <Button
            icon={<DownloadOutlined />}
            loading={fetching}
            onClick={() => void template()}
            data-testid="import-template"
          >
            下载模板（含所选月份数据）
          </Button>
        </Space>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          maxCount={1}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            if (file.size > MAX_BYTES) {
              setFailure({ title: '文件过大', detail: '导入文件不能超过 5 MB', errors: [] });
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={customRequest}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{busy ? '正在导入…' : '点击或拖入 .xlsx 文件导入'}</p>
          <p className="ant-upload-hint">整表校验，有任何错误则不导入任何数据。</p>
        </Upload.Dragger>
      </Card>

      {outcome && (
        <Alert
          type="success"
          showIcon
          data-testid="import-result"
          title={`导入成功：共 ${outcome.imported} 行，新增 ${outcome.created} 份报表，更正 ${outcome.corrected} 份。`}
        />
      )}
      {failure && (
        <Card size="small" data-testid="import-errors">
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: failure.errors.length ? 12 : 0 }}
            title={failure.title}
            description={failure.detail}
          />
          {failure.errors.length > 0 && (
            <Table
              rowKey={(_, i) => String(i)}
              size="small"
              dataSource={failure.errors}
              pagination={failure.errors.length > 50 ? { pageSize: 50 } : false}
              scroll={{ x: 480 }}
              columns={[
                { title: '位置', dataIndex: 'field', width: 260 },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
