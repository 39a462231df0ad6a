import {
  type CreatedSubConference,
  CreateSubConferenceInput,
  JURISDICTION_LEVEL_LABELS,
  type JurisdictionLevel,
  UnitCode,
  Username,
} from '@lianxi/domain';
import { Button, Checkbox, Divider, Drawer, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useErrorNotice } from '../../components/feedback';
import { applyProblemToForm, optionalSchemaRule, textRules } from '../../lib/forms';
import { createSubConference } from '../../api/conferences';

interface Values {
  jurisdiction: { name: string; code: string };
  name: string;
  serialPrefix: string;
  template: boolean;
  officeUnit?: { code: string; name: string; shortName?: string };
  admin: { username: string; displayName?: string };
  office: { username: string; displayName?: string };
}

const shape = CreateSubConferenceInput.shape;
const USERNAME_RULES = [
  { required: true, whitespace: true, message: '请填写用户名' },
  {
    pattern: /^\s*[a-zA-Z0-9][a-zA-Z0-9._-]*\s*$/,
    message: '只能包含字母、数字、点、下划线和连字符',
  },
  optionalSchemaRule(Username),
];
const blank = (s: string | undefined) => s?.trim() || undefined;

/**
 * 设立下级联席会议: the jurisdiction one level below, the conference and its document prefix,
 * the 16-unit template or the one unit that hosts the office, and the user names of its first
 * administrator and office accounts (their one-time passwords are given by the platform).
 */
export function CreateConferenceDrawer({
  open,
  level,
  onClose,
  onCreated,
}: {
  open: boolean;
  level: JurisdictionLevel;
  onClose: () => void;
  onCreated: (created: CreatedSubConference) => unknown;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [nameTouched, setNameTouched] = useState(false);
  const notice = useErrorNotice();
  const template = Form.useWatch('template', form);

  const onFinish = async (v: Values) => {
    setBusy(true);
    try {
      const created = await createSubConference({
        jurisdiction: { name: v.jurisdiction.name.trim(), code: v.jurisdiction.code.trim() },
        level,
        name: v.name.trim(),
        serialPrefix: v.serialPrefix.trim(),
        template: v.template,
        officeUnit:
          !v.template && v.officeUnit
            ? {
                code: v.officeUnit.code.trim(),
                name: v.officeUnit.name.trim(),
                shortName: blank(v.officeUnit.shortName),
              }
            : undefined,
        admin: { username: v.admin.username.trim(), displayName: blank(v.admin.displayName) },
        office: { username: v.office.username.trim(), displayName: blank(v.office.displayName) },
      });
      form.resetFields();
      setNameTouched(false);
      await onCreated(created);
    } catch (e) {
      notice(e, applyProblemToForm(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      title={`设立下级联席会议（${JURISDICTION_LEVEL_LABELS[level]}）`}
      size={560}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            htmlType="submit"
            form="sub-conference-form"
            loading={busy}
            data-testid="conference-submit"
          >
            确认设立
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        name="sub-conference-form"
        layout="vertical"
        initialValues={{ template: true }}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.name !== undefined) setNameTouched(true);
          const place = changed.jurisdiction?.name;
          if (place !== undefined && !nameTouched) {
            form.setFieldValue('name', place.trim() ? `${place.trim()}打击传销联席会议` : '');
          }
        }}
      >
        <Divider titlePlacement="start">行政区划</Divider>
        <Space.Compact block>
          <Form.Item
            label="名称"
            name={['jurisdiction', 'name']}
            style={{ flex: 1 }}
            rules={textRules('行政区划名称', shape.jurisdiction.shape.name)}
          >
            <Input maxLength={32} placeholder="如 东湖区" />
          </Form.Item>
          <Form.Item
            label="行政区划代码"
            name={['jurisdiction', 'code']}
            style={{ flex: 1 }}
            rules={[
              { required: true, whitespace: true, message: '请填写行政区划代码' },
              optionalSchemaRule(shape.jurisdiction.shape.code),
            ]}
          >
            <Input maxLength={12} inputMode="numeric" placeholder="6 位、9 位或 12 位数字" />
          </Form.Item>
        </Space.Compact>

        <Divider titlePlacement="start">联席会议</Divider>
        <Form.Item label="会议名称" name="name" rules={textRules('会议名称', shape.name)}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          label="交办单文号前缀"
          name="serialPrefix"
          extra="如 打传交，文号为 打传交〔2026〕1号"
          rules={textRules('文号前缀', shape.serialPrefix)}
        >
          <Input maxLength={16} />
        </Form.Item>
        <Form.Item name="template" valuePropName="checked">
          <Checkbox data-testid="conference-template">
            使用 16 个成员单位的模板（市场监管分局承担打传办，含各单位职责和默认分流规则）
          </Checkbox>
        </Form.Item>
        {!template && (
          <>
            <Typography.Paragraph type="secondary">
              不使用模板时，先设立承担打传办的单位，其余成员单位由下级自行添加。
            </Typography.Paragraph>
            <Space.Compact block>
              <Form.Item
                label="办公室所在单位"
                name={['officeUnit', 'name']}
                style={{ flex: 2 }}
                rules={textRules('单位名称', shape.officeUnit.unwrap().shape.name)}
              >
                <Input maxLength={64} placeholder="如 东湖区市场监督管理局" />
              </Form.Item>
              <Form.Item
                label="单位代码"
                name={['officeUnit', 'code']}
                style={{ flex: 1 }}
                rules={[
                  { required: true, whitespace: true, message: '请填写单位代码' },
                  optionalSchemaRule(UnitCode),
                ]}
              >
                <Input maxLength={32} placeholder="如 scjg" />
              </Form.Item>
            </Space.Compact>
            <Form.Item
              label="简称"
              name={['officeUnit', 'shortName']}
              rules={textRules('简称', shape.officeUnit.unwrap().shape.shortName.unwrap(), false)}
            >
              <Input maxLength={16} />
            </Form.Item>
          </>
        )}

        <Divider titlePlacement="start">首批账号</Divider>
        <Typography.Paragraph type="secondary">
          初始密码由系统生成，设立后只显示一次；首次登录须修改。
        </Typography.Paragraph>
        <Space.Compact block>
          <Form.Item
            label="管理员用户名"
            name={['admin', 'username']}
            style={{ flex: 1 }}
            rules={USERNAME_RULES}
          >
            <Input maxLength={64} autoComplete="off" placeholder="如 dhq-admin" />
          </Form.Item>
          <Form.Item label="管理员姓名" name={['admin', 'displayName']} style={{ flex: 1 }}>
            <Input maxLength={64} placeholder="可不填" />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item
            label="打传办用户名"
            name={['office', 'username']}
            style={{ flex: 1 }}
            rules={USERNAME_RULES}
          >
            <Input maxLength={64} autoComplete="off" placeholder="如 dhq-office" />
          </Form.Item>
          <Form.Item label="打传办值班员姓名" name={['office', 'displayName']} style={{ flex: 1 }}>
            <Input maxLength={64} placeholder="可不填" />
          </Form.Item>
        </Space.Compact>
      </Form>
    </Drawer>
  );
}
