import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginInput } from '@lianxi/domain';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { homeOf, useAuth } from '../../auth';
import { textRules } from '../../lib/forms';

interface Values {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Only same-site paths: a crafted ?next= must not send a clerk elsewhere after login.
  const next = params.get('next');
  const target = (role: Parameters<typeof homeOf>[0]) =>
    next && next.startsWith('/') && !next.startsWith('//') ? next : homeOf(role);

  if (user) return <Navigate to={target(user.role)} replace />;

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const me = await login(values.username.trim(), values.password);
      navigate(target(me.role), { replace: true });
    } catch (e) {
      setError(isApiError(e) ? (e.problem.detail ?? e.problem.title) : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #8b1a1a 0%, #b71c1c 45%, #f5f5f5 45%)',
        padding: 16,
      }}
    >
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          联席工作平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          打击传销联席会议 · 交办督办
        </Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false} name="login">
          <Form.Item
            label="用户名"
            name="username"
            rules={textRules('用户名', LoginInput.shape.username)}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[{ required: true, message: '请填写密码' }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
