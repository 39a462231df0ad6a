import {
  CLUE_CATEGORY_LABELS,
  CLUE_CHANNEL_LABELS,
  type ClueCategory,
  type ClueChannel,
  type CreateClueInput,
  CreateClueInput as Schema,
  CreditCode,
  Phone,
  Reporter,
} from '@lianxi/domain';
import { LockOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { createClue, useInvalidateClues } from '../../api/clues';
import { useMe } from '../../auth';
import { useErrorNotice } from '../../components/feedback';
import { applyProblemToForm, textRules } from '../../lib/forms';

/** A whole number from 0 to `max`, refused with a message rather than clamped. */
const wholeNumberUpTo = (max: number): Rule[] => [
  { type: 'integer', message: '应为整数' },
  { type: 'number', min: 0, message: '不能小于 0' },
  { type: 'number', max, message: `不能超过 ${max.toLocaleString('zh-CN')}，请核对` },
];

/** The API's own check for an optional field, so the clerk reads the same message here. */
async function optional(schema: typeof CreditCode | typeof Phone, value: unknown) {
  if (typeof value !== 'string' || value.trim() === '') return;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '格式不正确');
}

interface Values {
  channel: ClueChannel;
  category: ClueCategory;
  subject: { name: string; creditCode?: string; url?: string };
  township?: string;
  description: string;
  participants?: number | null;
  levels?: number | null;
  amountYuan?: number | null;
  reporter?: { name?: string; phone?: string };
}

const S = Schema.shape;
const blank = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
const count = (n: number | null | undefined) => (n === null || n === undefined ? undefined : n);

/** The API refuses empty strings for optional fields: leave out whatever was not filled. */
function toInput(v: Values): CreateClueInput {
  const reporterName = blank(v.reporter?.name);
  const phone = blank(v.reporter?.phone);
  return {
    channel: v.channel,
    category: v.category,
    subject: {
      name: v.subject.name.trim(),
      creditCode: blank(v.subject.creditCode),
      url: blank(v.subject.url),
    },
    township: blank(v.township),
    description: v.description.trim(),
    participants: count(v.participants),
    levels: count(v.levels),
    amountYuan: count(v.amountYuan),
    reporter: reporterName ? { name: reporterName, phone } : undefined,
  };
}

const channelOptions = Object.entries(CLUE_CHANNEL_LABELS).map(([value, label]) => ({
  value,
  label,
}));
const categoryOptions = Object.entries(CLUE_CATEGORY_LABELS).map(([value, label]) => ({
  value,
  label,
}));

/** 线索登记: a report as the hotline clerk takes it down; the platform routes it by rule. */
export default function ClueIntakePage() {
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const invalidate = useInvalidateClues();
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: Values) => {
    setBusy(true);
    try {
      const clue = await createClue(toInput(v));
      await invalidate();
      if (clue.merged) {
        message.warning({
          content: (
            <span data-testid="intake-merged">
              该线索与在办线索 {clue.serial} 重复，已并入（累计举报 {clue.reportCount} 次）
            </span>
          ),
          duration: 8,
        });
      } else {
        message.success({
          content: (
            <span data-testid="intake-created">
              线索 {clue.serial} 已登记，系统将按分流规则自动移送
            </span>
          ),
          duration: 6,
        });
      }
      // A unit's repeat report may join a clue another unit holds, which it cannot open.
      if (clue.merged && me.role === 'unit' && clue.owningUnitId !== me.unitId) form.resetFields();
      else navigate(`/clues/${clue.id}`);
    } catch (e) {
      notice(e, applyProblemToForm(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Card title="线索登记" data-testid="clue-intake">
          <Form<Values>
            form={form}
            name="clue-intake"
            layout="vertical"
            initialValues={{ channel: 'hotline', category: 'other' }}
            onFinish={onFinish}
          >
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item
                  label="线索来源"
                  name="channel"
                  rules={[{ required: true, message: '请选择线索来源' }]}
                >
                  <Select options={channelOptions} data-testid="clue-channel" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  label="传销类型"
                  name="category"
                  rules={[{ required: true, message: '请选择传销类型' }]}
                >
                  <Radio.Group
                    optionType="button"
                    options={categoryOptions}
                    data-testid="clue-category"
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              label="涉嫌主体名称"
              name={['subject', 'name']}
              rules={textRules('涉嫌主体名称', S.subject.shape.name)}
            >
              <Input maxLength={200} placeholder="公司、平台、团伙或个人的名称" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item
                  label="统一社会信用代码"
                  name={['subject', 'creditCode']}
                  rules={[{ validator: async (_, v: unknown) => optional(CreditCode, v) }]}
                >
                  <Input maxLength={40} placeholder="可选，18 位" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  label="网址 / App 名称"
                  name={['subject', 'url']}
                  rules={[{ max: 500, message: '不能超过 500 个字符' }]}
                >
                  <Input maxLength={500} placeholder="可选，网络传销请填写" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              label="所在乡镇（街道）"
              name="township"
              rules={textRules('所在乡镇（街道）', S.township.unwrap(), false)}
            >
              <Input maxLength={100} placeholder="可选，例如：城关镇" />
            </Form.Item>
            <Form.Item
              label="线索内容"
              name="description"
              rules={textRules('线索内容', S.description)}
            >
              <Input.TextArea
                rows={5}
                maxLength={10_000}
                showCount
                placeholder="举报的主要事实：组织方式、聚集地点、拉人头、收取入门费等"
              />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} sm={8}>
                <Form.Item label="涉及人数" name="participants" rules={wholeNumberUpTo(10_000_000)}>
                  {/* no min/max on the box: antd would quietly clamp what was typed */}
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item label="层级数" name="levels" rules={wholeNumberUpTo(1000)}>
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item
                  label="涉案金额（元）"
                  name="amountYuan"
                  rules={[
                    { type: 'number', min: 0, message: '不能小于 0' },
                    { type: 'number', max: 1e13, message: '金额过大，请核对' },
                  ]}
                >
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Divider titlePlacement="start" plain>
              <LockOutlined /> 举报人信息（保密，仅打传办与承办单位可见）
            </Divider>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item
                  label="举报人姓名"
                  name={['reporter', 'name']}
                  dependencies={[['reporter', 'phone']]}
                  rules={[
                    ...textRules('举报人姓名', Reporter.shape.name, false),
                    ({ getFieldValue }) => ({
                      validator: async (_, value: string | undefined) => {
                        if (blank(getFieldValue(['reporter', 'phone'])) && !blank(value))
                          throw new Error('填写联系电话时请同时填写举报人姓名');
                      },
                    }),
                  ]}
                >
                  <Input maxLength={50} placeholder="可选，匿名举报不填" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  label="联系电话"
                  name={['reporter', 'phone']}
                  rules={[{ validator: async (_, v: unknown) => optional(Phone, v) }]}
                >
                  <Input maxLength={30} placeholder="可选，手机或带区号的座机" />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="clue-submit">
              登记
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title="登记说明" size="small">
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="同一主体（信用代码、网址或名称相同）的在办线索只保留一条，重复举报自动并入并累计次数。"
          />
          <Typography.Paragraph>
            登记后，系统按
            <Typography.Text strong>分流规则</Typography.Text>
            自动移送承办单位：参与人数多、层级深的移送公安，涉及学校学生的分流教育局，其余分流市场监管。
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            举报人姓名、电话加密保存，列表和导出中均不显示，仅打传办与承办单位在线索详情中可见。
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
