import { CreateUserInput, ROLE_LABELS, type Role, Username, type User } from '@lianxi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { get, post } from '../../api/client';
import { useUnits } from '../../api/queries';
import { useMe } from '../../auth';
import { ActionModal } from '../../components/ActionModal';
import { EditUserModal } from './EditUserModal';
import { useErrorNotice } from '../../components/feedback';
import { QueryState } from '../../components/QueryState';
import { formatTime } from '../../lib/format';
import { textRules } from '../../lib/forms';

const USERS = ['users'] as const;
const PASSWORD_HINT = '至少 10 位，含大写字母、小写字母、数字、符号中的三类，且不含用户名';

/**
 * 账号管理: the administrator opens accounts, stops those of people who left and sets a new
 * first password for someone who forgot theirs.
 */
export default function UsersPage() {
  const me = useMe();
  const client = useQueryClient();
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const query = useQuery({
    queryKey: USERS,
    queryFn: () => get<{ items: User[] }>('/api/users').then((r) => r.items),
  });
  const units = useUnits();
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const [creating, setCreating] = useState(false);
  const [resetFor, setResetFor] = useState<User | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: USERS });

  const toggle = async (u: User) => {
    setBusy(u.id);
    try {
      await post(`/api/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`);
      message.success(u.disabled ? `已启用 ${u.displayName}` : `已停用 ${u.displayName}`);
    } catch (e) {
      notice(e);
    } finally {
      await refresh();
      setBusy(null);
    }
  };

  return (
    <Card
      title="账号管理"
      extra={
        <Button type="primary" onClick={() => setCreating(true)} data-testid="user-create">
          新建账号
        </Button>
      }
    >
      <QueryState {...query}>
        {(users) => (
          <Table<User>
            data-testid="user-list"
            rowKey="id"
            dataSource={users}
            pagination={false}
            scroll={{ x: 800 }}
            locale={{ emptyText: <Empty description="暂无账号" /> }}
            columns={[
              { title: '用户名', dataIndex: 'username', width: 140 },
              { title: '姓名', dataIndex: 'displayName' },
              { title: '角色', dataIndex: 'role', width: 110, render: (r: Role) => ROLE_LABELS[r] },
              {
                title: '所属单位',
                dataIndex: 'unitId',
                render: (id: string | null) => (id ? (unitName.get(id) ?? '—') : '—'),
              },
              {
                title: '状态',
                dataIndex: 'disabled',
                width: 80,
                render: (d: boolean) =>
                  d ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>,
              },
              { title: '创建时间', dataIndex: 'createdAt', width: 180, render: formatTime },
              {
                title: '操作',
                key: 'op',
                width: 210,
                render: (_: unknown, u: User) => (
                  <Space size={0} data-testid={`user-ops-${u.username}`}>
                    <Button
                      type="link"
                      size="small"
                      disabled={busy !== null}
                      onClick={() => setEditing(u)}
                    >
                      编辑
                    </Button>
                    {u.id === me.id ? (
                      <span style={{ color: '#999' }}>当前账号</span>
                    ) : (
                      <>
                        <Popconfirm
                          title={
                            u.disabled
                              ? `启用 ${u.displayName} 的账号？`
                              : `停用 ${u.displayName} 的账号？`
                          }
                          description={
                            u.disabled
                              ? undefined
                              : '停用后该账号立即退出登录，不能再登录，也不再收到通知。'
                          }
                          okText={u.disabled ? '启用' : '停用'}
                          okButtonProps={{ danger: !u.disabled }}
                          cancelText="取消"
                          onConfirm={() => toggle(u)}
                        >
                          <Button
                            type="link"
                            size="small"
                            danger={!u.disabled}
                            disabled={busy !== null}
                          >
                            {u.disabled ? '启用' : '停用'}
                          </Button>
                        </Popconfirm>
                        <Button
                          type="link"
                          size="small"
                          disabled={busy !== null}
                          onClick={() => setResetFor(u)}
                        >
                          重置密码
                        </Button>
                      </>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>

      <ActionModal<{
        username: string;
        displayName: string;
        role: Role;
        unitId?: string;
        password: string;
      }>
        open={creating}
        title="新建账号"
        okText="确认新建"
        formName="user-form"
        initialValues={{ role: 'unit' }}
        onClose={() => setCreating(false)}
        submit={(v) =>
          post('/api/users', {
            ...v,
            username: v.username.trim(),
            unitId: v.role === 'unit' ? v.unitId : undefined,
          })
        }
        success="账号已新建，首次登录须修改密码"
        onDone={refresh}
      >
        {(form) => (
          <>
            <Form.Item
              label="用户名"
              name="username"
              rules={[
                ...textRules('用户名', Username),
                {
                  pattern: /^\s*[a-zA-Z0-9][a-zA-Z0-9._-]*\s*$/,
                  message: '只能包含字母、数字、点、下划线和连字符',
                },
              ]}
            >
              <Input maxLength={64} autoComplete="off" />
            </Form.Item>
            <Form.Item
              label="姓名"
              name="displayName"
              rules={textRules('姓名', CreateUserInput.shape.displayName)}
            >
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item label="角色" name="role">
              <Select
                options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.role !== b.role}>
              {() =>
                form.getFieldValue('role') === 'unit' && (
                  <Form.Item
                    label="所属单位"
                    name="unitId"
                    rules={[{ required: true, message: '请选择所属单位' }]}
                  >
                    <Select
                      showSearch
                      optionFilterProp="label"
                      options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                    />
                  </Form.Item>
                )
              }
            </Form.Item>
            <Form.Item
              label="初始密码"
              name="password"
              extra={PASSWORD_HINT}
              rules={[{ required: true, message: '请填写初始密码' }]}
            >
              <Input.Password maxLength={256} autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <EditUserModal user={editing} onClose={() => setEditing(null)} onDone={refresh} />

      <ActionModal<{ password: string }>
        open={resetFor !== null}
        title={`重置密码：${resetFor?.displayName ?? ''}`}
        okText="确认重置"
        formName="reset-password-form"
        onClose={() => setResetFor(null)}
        submit={(v) => post(`/api/users/${resetFor!.id}/password`, v)}
        success="密码已重置，该账号须在下次登录时修改密码"
        onDone={refresh}
      >
        <Form.Item
          label="新的初始密码"
          name="password"
          extra={`${PASSWORD_HINT}。重置后该账号的所有登录立即失效。`}
          rules={[{ required: true, message: '请填写新的初始密码' }]}
        >
          <Input.Password maxLength={256} autoComplete="new-password" />
        </Form.Item>
      </ActionModal>
    </Card>
  );
}
