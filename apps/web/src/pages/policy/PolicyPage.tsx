import { Duration, type Policy, type PolicyView } from '@lianxi/domain';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { keys } from '../../api/queries';
import { savePolicy, usePolicy } from '../../api/policy';
import { isOffice, useMe } from '../../auth';
import { useErrorNotice } from '../../components/feedback';
import { QueryState } from '../../components/QueryState';
import { applyProblemToForm } from '../../lib/forms';
import { numberRules } from '../../lib/number-rules';

const UNITS = [
  { value: 'workday', label: '工作日' },
  { value: 'day', label: '自然日' },
  { value: 'hour', label: '小时' },
  { value: 'minute', label: '分钟' },
  { value: 'second', label: '秒' },
];

type Path = (string | number)[];
const FIELDS: { path: Path; label: string; help: string }[] = [
  { path: ['signWithin'], label: '签收时限', help: '自下发起，逾期未签收即催办' },
  { path: ['returnWithin'], label: '退回时限', help: '自下发起，此后不再受理退回' },
  { path: ['defaultDue'], label: '普通件办理时限', help: '交办单未指定期限时' },
  { path: ['urgentDue'], label: '特急件办理时限', help: '0 个工作日即当日' },
  { path: ['dueSoon'], label: '临期提醒', help: '到期前多久提醒（蓝色）' },
  { path: ['ladder', 0, 'after'], label: '一级 催办', help: '到期后多久（黄色）' },
  { path: ['ladder', 1, 'after'], label: '二级 督办', help: '到期后多久，立督办件（橙色）' },
  { path: ['ladder', 2, 'after'], label: '三级 挂牌督办', help: '到期后多久，通报领导（红色）' },
  { path: ['maxExtension'], label: '延期累计上限', help: '自原定期限起' },
  { path: ['rulingWithin'], label: '打传办审定时限', help: '收到退回后' },
  { path: ['reviewWithin'], label: '打传办审核时限', help: '收到反馈后' },
  {
    path: ['handoffResultWithin'],
    label: '移送线索办理时限',
    help: '自移送起；涉嫌犯罪案件移送按法定 3 日',
  },
];

function DurationField({
  path,
  label,
  help,
  disabled,
}: (typeof FIELDS)[number] & { disabled: boolean }) {
  // The label names the amount; the unit picker gets its own name, so neither is anonymous.
  const id = `policy-${path.join('-')}`;
  return (
    <Form.Item label={label} htmlFor={id} extra={help} required>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          noStyle
          name={['policy', ...path, 'amount']}
          rules={numberRules(label, Duration.shape.amount, { required: true })}
        >
          <InputNumber id={id} style={{ width: '55%' }} disabled={disabled} />
        </Form.Item>
        <Form.Item noStyle name={['policy', ...path, 'unit']}>
          <Select
            options={UNITS}
            style={{ width: '45%' }}
            disabled={disabled}
            aria-label={`${label}单位`}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

/** 督办规则: the clocks and the escalation ladder, as data the office may change. */
export default function PolicyPage() {
  const query = usePolicy();
  return (
    <QueryState {...query}>{(view) => <PolicyForm view={view} key={view.version} />}</QueryState>
  );
}

function PolicyForm({ view }: { view: PolicyView }) {
  const me = useMe();
  const editable = isOffice(me.role);
  const [form] = Form.useForm<{ policy: Policy }>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: { policy: Policy }) => {
    setBusy(true);
    const p = values.policy;
    const policy: Policy = {
      ...p,
      ladder: ([1, 2, 3] as const).map((level, i) => ({ level, after: p.ladder[i].after })),
    };
    try {
      const saved = await savePolicy({ policy, version: view.version });
      client.setQueryData(keys.policy, saved);
      message.success(`督办规则已保存（第 ${saved.version} 版），对此后下发的交办单生效`);
    } catch (e) {
      notice(e, applyProblemToForm(form, e));
      await client.invalidateQueries({ queryKey: keys.policy });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={`督办规则（第 ${view.version} 版）`} data-testid="policy-editor">
      {!editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="仅打传办和系统管理员可修改督办规则。"
        />
      )}
      <Typography.Paragraph type="secondary">
        修改只对此后下发的交办单生效；已下发任务的期限不变。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="policy"
        initialValues={{ policy: view.policy }}
        onFinish={onFinish}
      >
        <Row gutter={16}>
          {FIELDS.map((f) => (
            <Col xs={24} sm={12} lg={8} key={f.path.join('.')}>
              <DurationField {...f} disabled={!editable} />
            </Col>
          ))}
        </Row>
        {editable && (
          <Button type="primary" htmlType="submit" loading={busy} data-testid="policy-save">
            保存
          </Button>
        )}
      </Form>
    </Card>
  );
}
