import {
  CLUE_CATEGORY_LABELS,
  CreateRoutingRuleInput,
  HANDOFF_KIND_LABELS,
  type HandoffKind,
  RoutingConditions,
  type RoutingRule,
} from '@lianxi/domain';
import { Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useUnits } from '../../api/units';
import { ActionModal } from '../../components/ActionModal';
import { textRules } from '../../lib/forms';
import { numberRules } from '../../lib/number-rules';
import { createRoutingRule, updateRoutingRule } from '../../api/routing-rules';

type RuleKind = Exclude<HandoffKind, 'supervision_request'>;

interface Values {
  name: string;
  targetUnitId: string;
  kind: RuleKind;
  enabled: boolean;
  conditions: {
    categories?: string[];
    townships?: string[];
    keywords?: string[];
    minParticipants?: number | null;
    minLevels?: number | null;
    minAmountYuan?: number | null;
  };
}

const KINDS: RuleKind[] = ['route', 'transfer', 'criminal_referral'];

/** The API reads an absent condition as "any": empty lists and blank numbers are left out. */
function toConditions(c: Values['conditions']): RoutingConditions {
  const list = (xs: string[] | undefined) => {
    const kept = (xs ?? []).map((x) => x.trim()).filter(Boolean);
    return kept.length ? kept : undefined;
  };
  const num = (n: number | null | undefined) => (n === null || n === undefined ? undefined : n);
  return {
    categories: list(c.categories) as RoutingConditions['categories'],
    townships: list(c.townships),
    keywords: list(c.keywords),
    minParticipants: num(c.minParticipants),
    minLevels: num(c.minLevels),
    minAmountYuan: num(c.minAmountYuan),
  };
}

const initialOf = (rule: RoutingRule | null): Partial<Values> =>
  rule
    ? {
        name: rule.name,
        targetUnitId: rule.targetUnitId,
        kind: rule.kind as RuleKind,
        enabled: rule.enabled,
        conditions: { ...rule.conditions },
      }
    : { kind: 'route', enabled: true, conditions: {} };

/** 新增 or 修改 a routing rule: every condition given must hold; none given matches all. */
export function RuleModal({
  open,
  rule,
  onClose,
  onDone,
}: {
  open: boolean;
  /** null: a new rule, placed last. */
  rule: RoutingRule | null;
  onClose: () => void;
  onDone: () => unknown;
}) {
  const units = useUnits();
  const submit = (v: Values) => {
    const body = {
      name: v.name.trim(),
      targetUnitId: v.targetUnitId,
      kind: v.kind,
      enabled: v.enabled,
      conditions: toConditions(v.conditions ?? {}),
    };
    return rule
      ? updateRoutingRule(rule.id, { ...body, version: rule.version })
      : createRoutingRule(body);
  };
  const tags = (placeholder: string) => (
    <Select mode="tags" tokenSeparators={[',', '，', ' ', '、']} placeholder={placeholder} />
  );
  const atLeast = <InputNumber style={{ width: '100%' }} placeholder="不限" />;
  const bounds = RoutingConditions.shape;

  return (
    <ActionModal<Values>
      open={open}
      title={rule ? '修改分流规则' : '新增分流规则'}
      okText="保存"
      formName="routing-rule-form"
      onClose={onClose}
      submit={submit}
      success={rule ? '分流规则已保存' : '分流规则已新增（排在最后）'}
      onDone={onDone}
      initialValues={initialOf(rule)}
    >
      <Form.Item
        label="规则名称"
        name="name"
        rules={textRules('规则名称', CreateRoutingRuleInput.shape.name)}
      >
        <Input maxLength={100} placeholder="例如：涉及学校、学生：分流教育局" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            label="移送单位"
            name="targetUnitId"
            rules={[{ required: true, message: '请选择移送单位' }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={units.isPending}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              data-testid="rule-target"
            />
          </Form.Item>
        </Col>
        <Col xs={16} sm={8}>
          <Form.Item label="移送方式" name="kind">
            <Select options={KINDS.map((k) => ({ value: k, label: HANDOFF_KIND_LABELS[k] }))} />
          </Form.Item>
        </Col>
        <Col xs={8} sm={4}>
          <Form.Item label="启用" name="enabled" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">
        以下条件须同时满足；不填的条件不限。全部不填的规则匹配所有线索（兜底）。
      </Typography.Paragraph>
      <Form.Item
        label="传销类型（任一）"
        name={['conditions', 'categories']}
        rules={[{ type: 'array', max: 3 }]}
      >
        <Select
          mode="multiple"
          placeholder="不限"
          options={Object.entries(CLUE_CATEGORY_LABELS).map(([value, label]) => ({
            value,
            label,
          }))}
        />
      </Form.Item>
      <Form.Item label="所在乡镇（任一）" name={['conditions', 'townships']}>
        {tags('输入乡镇名称后回车，不填则不限')}
      </Form.Item>
      <Form.Item
        label="关键词（主体名称或线索内容含任一）"
        name={['conditions', 'keywords']}
        rules={[
          {
            validator: async (_, value: string[] | undefined) => {
              if ((value ?? []).some((k) => k.trim().length > 50))
                throw new Error('每个关键词不能超过 50 个字');
            },
          },
        ]}
      >
        {tags('输入关键词后回车，不填则不限')}
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item
            label="人数不少于"
            name={['conditions', 'minParticipants']}
            rules={numberRules('人数门槛', bounds.minParticipants.unwrap())}
          >
            {atLeast}
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            label="层级不少于"
            name={['conditions', 'minLevels']}
            rules={numberRules('层级门槛', bounds.minLevels.unwrap())}
          >
            {atLeast}
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            label="金额不少于（元）"
            name={['conditions', 'minAmountYuan']}
            rules={numberRules('金额门槛', bounds.minAmountYuan.unwrap())}
          >
            {atLeast}
          </Form.Item>
        </Col>
      </Row>
    </ActionModal>
  );
}
