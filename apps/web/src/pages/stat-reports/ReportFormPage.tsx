import {
  CreateStatReportInput,
  FIGURE_KEYS,
  type Figures,
  monthLabel,
  REPORT_DUE_DAY,
  type StatReport,
  type StatReportDetail,
  UpdateStatReportInput,
  yearProblem,
} from '@lianxi/domain';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  createStatReport,
  submitStatReport,
  updateStatReport,
  useInvalidateFigures,
  useStatReport,
} from '../../api/stat-reports';
import { useUnitNames, useUnits } from '../../api/units';
import { isOffice, useMe } from '../../auth';
import { useErrorNotice } from '../../components/feedback';
import { QueryState } from '../../components/QueryState';
import { currentMonth, reportingMonth } from '../../lib/figures';
import { applyProblemToForm, textRules } from '../../lib/forms';
import { FiguresFields } from './FiguresFields';
import { ReturnReasonAlert } from './report-tags';

interface Values {
  unitId?: string;
  month: Dayjs;
  figures: Partial<Figures>;
  note?: string;
  reason?: string;
}

const noteRule = CreateStatReportInput.shape.note.unwrap();
const reasonRule = UpdateStatReportInput.shape.reason.unwrap();
const optional = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

function ReportForm({ report }: { report: StatReportDetail | null }) {
  const me = useMe();
  const office = isOffice(me.role);
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const unitName = useUnitNames();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const invalidate = useInvalidateFigures();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const correcting = report?.status === 'approved';
  const month = params.get('month') ?? reportingMonth();

  const save = async (submit: boolean) => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(submit ? 'submit' : 'save');
    try {
      const figures = v.figures as Figures;
      let saved: StatReport;
      if (report) {
        saved = await updateStatReport(report.id, {
          version: report.version,
          figures,
          note: optional(v.note),
          reason: optional(v.reason),
        });
        if (submit && saved.status === 'draft') saved = await submitStatReport(report.id);
      } else {
        saved = await createStatReport({
          ...(office ? { unitId: v.unitId } : {}),
          month: v.month.format('YYYY-MM'),
          figures,
          note: optional(v.note),
          submit,
        });
      }
      await invalidate();
      message.success(
        correcting
          ? '更正已提交，等待打传办重新审核'
          : report?.status === 'submitted'
            ? '修改已保存'
            : submit
              ? '报表已上报'
              : '草稿已保存',
      );
      navigate(`/stat-reports/${saved.id}`);
    } catch (e) {
      notice(e, applyProblemToForm(form, e));
    } finally {
      setBusy(null);
    }
  };

  const fillZeros = () => {
    const figures = form.getFieldValue('figures') ?? {};
    form.setFieldValue('figures', Object.fromEntries(FIGURE_KEYS.map((k) => [k, figures[k] ?? 0])));
  };

  return (
    <Card
      title={
        report
          ? `${correcting ? '更正' : '修改'} ${unitName(report.unitId)} ${monthLabel(report.month)}统计报表`
          : office
            ? '代填月报'
            : '月报填报'
      }
      data-testid="report-form"
    >
      {report && <ReturnReasonAlert reason={report.returnReason} />}
      {correcting && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="该报表已审核通过。更正须说明理由，原数据将保留在修改记录中，更正后需打传办重新审核。"
        />
      )}
      {!report && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`每月 ${REPORT_DUE_DAY} 日前报送上月数据；没有发生的项目请填 0。`}
        />
      )}
      <Form<Values>
        form={form}
        name="report-form"
        layout="vertical"
        initialValues={
          report
            ? {
                month: dayjs(report.month),
                figures: report.figures,
                note: report.note ?? undefined,
              }
            : { month: dayjs(month), figures: {} }
        }
      >
        <Row gutter={16}>
          {office && !report && (
            <Col xs={24} sm={12}>
              <Form.Item
                label="填报单位（打传办代填）"
                name="unitId"
                rules={[{ required: true, message: '请选择填报单位' }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={units.isPending}
                  options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                  data-testid="report-unit"
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item
              label="月份"
              name="month"
              rules={[
                { required: true, message: '请选择月份' },
                {
                  validator: async (_, value: Dayjs | null | undefined) => {
                    const problem = value ? yearProblem(value.year(), new Date()) : null;
                    if (problem) throw new Error(problem);
                  },
                },
              ]}
            >
              <DatePicker
                picker="month"
                format="YYYY-MM"
                disabled={!!report}
                allowClear={false}
                style={{ width: '100%' }}
                disabledDate={(d) => d.format('YYYY-MM') > currentMonth()}
                data-testid="report-month"
              />
            </Form.Item>
          </Col>
        </Row>
        <FiguresFields />
        <Button
          size="small"
          onClick={fillZeros}
          style={{ marginBottom: 16 }}
          data-testid="fill-zeros"
        >
          其余未填项填 0
        </Button>
        <Form.Item label="备注（可选）" name="note" rules={textRules('备注', noteRule, false)}>
          <Input.TextArea rows={2} maxLength={2000} showCount />
        </Form.Item>
        {correcting && (
          <Form.Item label="更正理由" name="reason" rules={textRules('更正理由', reasonRule)}>
            <Input.TextArea rows={2} maxLength={500} showCount data-testid="report-reason" />
          </Form.Item>
        )}
        <Space wrap>
          {(!report || report.status === 'draft') && (
            <Button
              onClick={() => void save(false)}
              loading={busy === 'save'}
              disabled={busy !== null}
              data-testid="report-save"
            >
              保存草稿
            </Button>
          )}
          <Button
            type="primary"
            onClick={() => void save(true)}
            loading={busy === 'submit'}
            disabled={busy !== null}
            data-testid="report-submit"
          >
            {correcting ? '提交更正' : report?.status === 'submitted' ? '保存修改' : '上报'}
          </Button>
          <Link to={report ? `/stat-reports/${report.id}` : '/stat-reports'}>
            <Button>取消</Button>
          </Link>
        </Space>
      </Form>
    </Card>
  );
}

/** 月报填报 (/stat-reports/new) and 修改 / 更正 (/stat-reports/:id/edit). */
export default function ReportFormPage() {
  const { id } = useParams();
  const query = useStatReport(id);
  if (!id) return <ReportForm report={null} />;
  return (
    <QueryState {...query} notFoundTitle="统计报表不存在或无权访问">
      {(report) => <ReportForm report={report} />}
    </QueryState>
  );
}
