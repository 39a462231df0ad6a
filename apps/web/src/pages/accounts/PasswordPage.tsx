import { passwordProblems } from '@lianxi/domain';
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useAuth, useMe } from '../../auth';
import { useErrorNotice } from '../../components/feedback';
import { applyProblemToForm } from '../../lib/forms';
import { changePassword } from '../../api/accounts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function PasswordPage() {
  const me = useMe();
  const { reloadMe } = useAuth();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: Values) => {
    setBusy(true);
    try {
      await changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      message.success('密码已修改，其他设备上的登录已退出');
      form.resetFields();
      await reloadMe();
    } catch (e) {
      notice(e, applyProblemToForm(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="修改密码" style={{ maxWidth: 520 }}>
      <Typography.Paragraph type="secondary">
        新密码至少 10
        位，须包含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名，且不能与最近 5
        次使用过的密码相同。
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} name="password">
        <Form.Item
          label="当前密码"
          name="currentPassword"
          rules={[{ required: true, message: '请填写当前密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          rules={[
            { required: true, message: '请填写新密码' },
            {
              validator: async (_, value: string | undefined) => {
                const problems = value ? passwordProblems(value, me.username) : [];
                if (problems.length) throw new Error(problems.join('；'));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次填写新密码' },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) {
                  throw new Error('两次填写的新密码不一致');
                }
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}
