import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DEFAULT_PER_LEVEL,
  IndicatorInput,
  METRIC_LABELS,
  Metric,
  type PerLevel,
  pointsProblem,
} from '@lianxi/domain';
import {
  Alert,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
  theme,
  Typography,
} from 'antd';
import { textRules } from '../../lib/forms';

export interface IndicatorValues {
  kind: 'measured' | 'manual';
  name: string;
  points: number | null;
  metric?: Metric;
  perLevel?: PerLevel;
  description?: string;
}

const measured = IndicatorInput.options[0].shape;
const manual = IndicatorInput.options[1].shape;

export const pointsOf = (list: Partial<IndicatorValues>[] | undefined) =>
  (list ?? []).map((i) => ({ points: Number(i?.points ?? 0) || 0 }));

const KIND_OPTIONS = [
  { value: 'measured', label: '平台自动计分' },
  { value: 'manual', label: '人工评分' },
];
const LEVELS: { key: keyof PerLevel; label: string }[] = [
  { key: 'level1', label: '催办每件扣' },
  { key: 'level2', label: '督办每件扣' },
  { key: 'level3', label: '挂牌督办每件扣' },
];

function IndicatorRow({
  name,
  index,
  onRemove,
}: {
  name: number;
  index: number;
  onRemove: () => void;
}) {
  const form = Form.useFormInstance();
  const { token } = theme.useToken();
  const kind = Form.useWatch(['indicators', name, 'kind'], form) as IndicatorValues['kind'];
  const metric = Form.useWatch(['indicators', name, 'metric'], form) as Metric | undefined;
  return (
    <div
      data-testid={`indicator-${index}`}
      style={{
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        padding: '12px 12px 0',
        marginBottom: 12,
      }}
    >
      <Row gutter={8} align="top">
        <Col xs={24} sm={7} md={6}>
          <Form.Item name={[name, 'kind']} label={`指标 ${index + 1}`}>
            <Select
              options={KIND_OPTIONS}
              data-testid={`indicator-kind-${index}`}
              onChange={(k: IndicatorValues['kind']) => {
                if (k === 'manual') form.setFieldValue(['indicators', name, 'metric'], undefined);
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={11} md={12}>
          <Form.Item
            name={[name, 'name']}
            label="指标名称"
            rules={textRules('指标名称', measured.name)}
          >
            <Input maxLength={100} data-testid={`indicator-name-${index}`} />
          </Form.Item>
        </Col>
        <Col xs={20} sm={5} md={5}>
          <Form.Item
            name={[name, 'points']}
            label="分值"
            rules={[{ required: true, type: 'integer', min: 1, max: 100, message: '1–100 的整数' }]}
          >
            <InputNumber
              style={{ width: '100%' }}
              aria-label={`指标 ${index + 1} 分值`}
              data-testid={`indicator-points-${index}`}
            />
          </Form.Item>
        </Col>
        <Col xs={4} sm={1}>
          <Button
            type="text"
            danger
            icon={<MinusCircleOutlined />}
            aria-label={`删除指标 ${index + 1}`}
            onClick={onRemove}
            style={{ marginTop: 30 }}
            data-testid={`indicator-remove-${index}`}
          />
        </Col>
      </Row>
      {kind === 'measured' ? (
        <Row gutter={8}>
          <Col xs={24} md={metric === 'overdue_by_level' ? 9 : 18}>
            <Form.Item
              name={[name, 'metric']}
              label="计分依据"
              rules={[{ required: true, message: '请选择平台计分依据' }]}
            >
              <Select
                options={Metric.options.map((m) => ({ value: m, label: METRIC_LABELS[m] }))}
                data-testid={`indicator-metric-${index}`}
                onChange={(m: Metric) => {
                  if (
                    m === 'overdue_by_level' &&
                    !form.getFieldValue(['indicators', name, 'perLevel'])
                  )
                    form.setFieldValue(['indicators', name, 'perLevel'], DEFAULT_PER_LEVEL);
                }}
              />
            </Form.Item>
          </Col>
          {metric === 'overdue_by_level' &&
            LEVELS.map((l) => (
              <Col xs={8} md={5} key={l.key}>
                <Form.Item
                  name={[name, 'perLevel', l.key]}
                  label={l.label}
                  rules={[{ required: true, type: 'number', min: 0, max: 100, message: '0–100' }]}
                >
                  <InputNumber step={0.5} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
        </Row>
      ) : (
        <Form.Item
          name={[name, 'description']}
          label="评分标准（可选）"
          rules={textRules('评分标准', manual.description.unwrap(), false)}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
    </div>
  );
}

/** 考核指标: measured ones the platform scores, manual ones the office scores; 100 in all. */
export function IndicatorsField() {
  const form = Form.useFormInstance();
  const list = Form.useWatch('indicators', form) as Partial<IndicatorValues>[] | undefined;
  const total = pointsOf(list).reduce((n, i) => n + i.points, 0);
  return (
    <Form.List
      name="indicators"
      rules={[
        {
          validator: async (_, value: Partial<IndicatorValues>[] | undefined) => {
            if (!value?.length) throw new Error('至少需要一项考核指标');
            const problem = pointsProblem(pointsOf(value));
            if (problem) throw new Error(problem);
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="indicators">
          <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>
              考核指标
            </Typography.Title>
            <Tag
              color={total === 100 ? 'success' : 'error'}
              style={{ fontSize: 14, padding: '2px 10px' }}
              data-testid="points-total"
              data-total={total}
            >
              合计 {total} / 100 分
            </Tag>
          </Space>
          {fields.map((field, i) => (
            <IndicatorRow
              key={field.key}
              name={field.name}
              index={i}
              onRemove={() => remove(field.name)}
            />
          ))}
          {errors.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={<Form.ErrorList errors={errors} />}
              data-testid="indicators-error"
            />
          )}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({ kind: 'manual', name: '', points: null })}
            style={{ marginBottom: 16 }}
            data-testid="indicator-add"
          >
            添加指标
          </Button>
        </div>
      )}
    </Form.List>
  );
}
