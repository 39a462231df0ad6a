import { IssueWorkOrderInput, type UnitDetail, type WorkOrder } from '@lianxi/domain';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import type { UploadFile } from 'antd';
import { type ReactNode, useState } from 'react';
import { previewQueryOf, useFreshIssuePreview, useIssuePreview } from '../../api/issue-preview';
import { useInvalidateTasks } from '../../api/tasks';
import { useUnitDetails, useUnits } from '../../api/units';
import { useErrorNotice } from '../../components/feedback';
import { FilePicker, refusedText, sendPicked } from '../../components/FilePicker';
import { applyProblemToForm, textRules } from '../../lib/forms';
import { numberRules } from '../../lib/number-rules';
import { DuePreview, IssueConfirmation } from './IssuePreview';
import { UnitDuties, UnitOption } from './UnitDuties';
import { orderAttachmentsPath } from '../../api/work-orders';

export interface IssueOrderValues {
  title: string;
  body: string;
  priority: 'normal' | 'urgent';
  dueInWorkdays?: number | null;
  leadUnitId?: string;
  assistUnitIds?: string[];
}

interface Props {
  /** The form element's name (and id), unique on the page. */
  name: string;
  initialValues?: Partial<IssueOrderValues>;
  /** Sends the order: POST /api/work-orders, or the resolution's own endpoint. */
  send: (input: IssueWorkOrderInput) => Promise<WorkOrder>;
  onIssued: (order: WorkOrder) => unknown;
  /** page: the form in a card beside the duties; dialog: one column, duties below. */
  layout: 'page' | 'dialog';
  title?: ReactNode;
  /** Shown above the fields (what the order carries out). */
  intro?: ReactNode;
}

/** The body the API takes: one 主办 unit first, then the 协办 units. */
export function toIssueInput(v: IssueOrderValues): IssueWorkOrderInput {
  return {
    title: v.title,
    body: v.body,
    priority: v.priority,
    ...(v.dueInWorkdays != null ? { dueInWorkdays: v.dueInWorkdays } : {}),
    assignments: [
      { unitId: v.leadUnitId!, role: 'lead' },
      ...(v.assistUnitIds ?? []).map((unitId) => ({ unitId, role: 'assist' as const })),
    ],
  };
}

/**
 * 下发交办单: one 主办 unit and any 协办 units, picked by their written duties. Shared by the
 * issue page and the meeting page, which issues an order for one of its resolutions.
 */
export function IssueOrderForm({
  name,
  initialValues,
  send,
  onIssued,
  layout,
  title,
  intro,
}: Props) {
  const [form] = Form.useForm<IssueOrderValues>();
  const notice = useErrorNotice();
  const invalidate = useInvalidateTasks();
  const [busy, setBusy] = useState(false);
  const { notification, modal } = App.useApp();
  // the notice, a list of addresses: sent once the order exists, each with its progress
  const [files, setFiles] = useState<UploadFile[]>([]);
  const units = useUnits();
  const details = useUnitDetails((units.data ?? []).map((u) => u.id));
  const detailOf = new Map(details.flatMap((d) => (d.data ? [[d.data.id, d.data] as const] : [])));
  const lead = Form.useWatch('leadUnitId', form);
  const assists = Form.useWatch('assistUnitIds', form) ?? [];
  const priority = Form.useWatch('priority', form);
  const dueInWorkdays = Form.useWatch('dueInWorkdays', form);
  const preview = useIssuePreview(previewQueryOf({ priority, dueInWorkdays }));
  const freshPreview = useFreshIssuePreview();

  const options = (exclude: string[]) =>
    (units.data ?? [])
      .filter((u) => !exclude.includes(u.id))
      .map((u) => ({ value: u.id, label: u.name }));
  const renderOption = (o: { value?: string | number | null; label?: ReactNode }) => (
    <UnitOption unit={detailOf.get(String(o.value))} fallback={String(o.label)} />
  );

  const selected: UnitDetail[] = [lead, ...assists]
    .filter((id): id is string => !!id)
    .flatMap((id) => (detailOf.get(id) ? [detailOf.get(id)!] : []));
  const roles = Object.fromEntries([
    ...assists.map((id) => [id, 'assist' as const]),
    ...(lead ? [[lead, 'lead' as const]] : []),
  ]);

  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? id;

  /** Asks with the limits counted afresh, since "now" has moved since the form opened. */
  const confirmed = async (v: IssueOrderValues): Promise<boolean> => {
    const query = previewQueryOf(v);
    if (!query) return false;
    const counted = await freshPreview(query);
    return modal.confirm({
      title: '确认下发交办单',
      width: 520,
      content: (
        <IssueConfirmation
          title={v.title}
          lead={unitName(v.leadUnitId!)}
          assists={(v.assistUnitIds ?? []).map(unitName)}
          preview={counted}
        />
      ),
      okText: '确认下发',
      cancelText: '返回修改',
      okButtonProps: { 'data-testid': 'issue-confirm' },
    });
  };

  const onFinish = async (v: IssueOrderValues) => {
    try {
      // wherever an order is issued, the office sees the units and the due day before it goes
      if (!(await confirmed(v))) return;
      setBusy(true);
      const order = await send(toIssueInput(v));
      if (files.length > 0) {
        const { refused } = await sendPicked(files, orderAttachmentsPath(order.id), setFiles);
        if (refused.length > 0) {
          notification.warning({
            title: '部分附件未能上传',
            description: `交办单 ${order.serial} 已下发，但${refusedText(refused)}未能上传；可在任务页面的“交办单附件”中补传。`,
            duration: 0,
          });
        }
      }
      await invalidate();
      await onIssued(order);
    } catch (e) {
      notice(e, applyProblemToForm(form, e, { assignments: 'leadUnitId', dueAt: 'dueInWorkdays' }));
    } finally {
      setBusy(false);
    }
  };

  const fields = (
    <Form<IssueOrderValues>
      form={form}
      name={name}
      layout="vertical"
      initialValues={{ priority: 'normal', assistUnitIds: [], ...initialValues }}
      onFinish={onFinish}
    >
      {intro}
      <Form.Item
        label="标题"
        name="title"
        rules={textRules('标题', IssueWorkOrderInput.shape.title)}
      >
        <Input maxLength={200} showCount placeholder="例如：关于查处某小区聚集型传销窝点的交办单" />
      </Form.Item>
      <Form.Item
        label="交办内容"
        name="body"
        rules={textRules('交办内容', IssueWorkOrderInput.shape.body)}
      >
        <Input.TextArea rows={layout === 'page' ? 6 : 4} maxLength={10000} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label="紧急程度" name="priority">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'normal', label: '普通' },
                { value: 'urgent', label: '特急' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="办理时限（工作日）"
            name="dueInWorkdays"
            extra={`留空按规则默认：${priority === 'urgent' ? '特急件当日办结' : '普通件 5 个工作日'}`}
            rules={numberRules('办理时限', IssueWorkOrderInput.shape.dueInWorkdays.unwrap(), {
              unit: ' 个工作日',
            })}
          >
            <InputNumber style={{ width: '100%' }} placeholder="例如 5" />
          </Form.Item>
        </Col>
      </Row>
      <div style={{ marginBottom: 16 }}>
        <DuePreview preview={preview.data} loading={preview.isFetching} />
      </div>
      <Form.Item
        label="主办单位"
        name="leadUnitId"
        rules={[{ required: true, message: '请选择一个主办单位' }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={units.isPending}
          placeholder="选择一个主办单位"
          options={options(assists)}
          optionRender={renderOption}
          data-testid="lead-unit"
        />
      </Form.Item>
      <Form.Item label="协办单位" name="assistUnitIds">
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          loading={units.isPending}
          placeholder="可选择多个协办单位"
          options={options(lead ? [lead] : [])}
          optionRender={renderOption}
          data-testid="assist-units"
        />
      </Form.Item>
      <Form.Item label="附件（通知、地址清单等，可选）">
        <FilePicker fileList={files} onChange={setFiles} disabled={busy} />
      </Form.Item>
      {layout === 'dialog' && (
        <div style={{ marginBottom: 16 }}>
          <UnitDuties units={selected} roles={roles} />
        </div>
      )}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="issue-submit">
        下发
      </Button>
      <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
        下发后各单位将收到通知，签收、办理期限按工作日历计算。
      </Typography.Text>
    </Form>
  );

  if (layout === 'dialog') return fields;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={title}>{fields}</Card>
      </Col>
      <Col xs={24} lg={10}>
        <UnitDuties units={selected} roles={roles} />
      </Col>
    </Row>
  );
}
