import { ROLE_LABELS, type Role, type User, USER_STATUS_LABELS } from '@lianxi/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Grid, Input, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { useUnitNames } from '../../api/units';
import { useMe } from '../../auth';
import { ActionModal } from '../../components/ActionModal';
import { useErrorNotice } from '../../components/feedback';
import { SearchableList } from '../../components/SearchableList';
import type { SearchField } from '../../components/SearchBar';
import { options, useUnitField } from '../../components/search-fields';
import { sortOrderOf, useUrlFilters } from '../../lib/url-filters';
import { formatTime } from '../../lib/format';
import { PASSWORD_HINT, UserFormModal, type UserFormTarget } from './UserFormModal';
import { resetPassword, setUserDisabled, userKeys, useUserList } from '../../api/accounts';

const USERS = userKeys.users;
const FILTERS = ['q', 'unitId', 'role', 'status'] as const;

/**
 * 账号管理: the administrator finds accounts by username, name or phone, opens new ones, stops
 * those of people who left and sets a new first password for someone who forgot theirs.
 */
export default function UsersPage() {
  const me = useMe();
  const client = useQueryClient();
  const { message } = App.useApp();
  const notice = useErrorNotice();
  const list = useUrlFilters(FILTERS);
  const query = useUserList(list.apiQuery);
  const unitName = useUnitNames();
  const wide = Grid.useBreakpoint().md;
  const [form, setForm] = useState<UserFormTarget>(null);
  const [resetFor, setResetFor] = useState<User | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: USERS });
  const sortable = (key: string) => ({ sorter: true, sortOrder: sortOrderOf(list.sort, key) });

  const unitField = useUnitField('所属单位');
  const fields: SearchField[] = [
    { kind: 'text', name: 'q', placeholder: '用户名 / 姓名 / 电话', width: 200 },
    unitField,
    {
      kind: 'select',
      name: 'role',
      placeholder: '角色',
      options: options(ROLE_LABELS),
      width: 130,
    },
    {
      kind: 'select',
      name: 'status',
      placeholder: '状态',
      options: options(USER_STATUS_LABELS),
      width: 110,
    },
  ];

  const toggle = async (u: User) => {
    setBusy(u.id);
    try {
      await setUserDisabled(u.id, !u.disabled);
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
        <Button type="primary" onClick={() => setForm({ kind: 'new' })} data-testid="user-create">
          新建账号
        </Button>
      }
    >
      <SearchableList<User, (typeof FILTERS)[number]>
        list={list}
        fields={fields}
        query={query}
        testId="user-list"
        empty="没有符合条件的账号"
        scrollX={1080}
        columns={[
          {
            title: '用户名',
            dataIndex: 'username',
            key: 'username',
            width: 130,
            className: 'lx-wrap',
            ...sortable('username'),
          },
          {
            title: '姓名',
            dataIndex: 'displayName',
            key: 'displayName',
            width: 130,
            className: 'lx-wrap',
            ...sortable('displayName'),
          },
          {
            title: '联系电话',
            dataIndex: 'phone',
            key: 'phone',
            width: 140,
            render: (p: string | null) => p ?? '—',
          },
          {
            title: '角色',
            dataIndex: 'role',
            key: 'role',
            width: 100,
            ...sortable('role'),
            render: (r: Role) => ROLE_LABELS[r],
          },
          {
            title: '所属单位',
            dataIndex: 'unitId',
            key: 'unitId',
            className: 'lx-wrap',
            render: (id: string | null) => (id ? unitName(id) : '—'),
          },
          {
            title: '状态',
            dataIndex: 'disabled',
            key: 'status',
            width: 80,
            render: (d: boolean) =>
              d ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>,
          },
          {
            title: '创建时间',
            dataIndex: 'createdAt',
            key: 'createdAt',
            width: 160,
            ...sortable('createdAt'),
            render: formatTime,
          },
          {
            title: '操作',
            key: 'op',
            width: 200,
            // the buttons stay in view at 1366 px; a phone scrolls to them instead
            fixed: wide ? 'right' : undefined,
            render: (_: unknown, u: User) => (
              <Space size={0} wrap data-testid={`user-ops-${u.username}`}>
                <Button
                  type="link"
                  size="small"
                  disabled={busy !== null}
                  onClick={() => setForm({ kind: 'edit', user: u })}
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

      <UserFormModal target={form} onClose={() => setForm(null)} onDone={refresh} />

      <ActionModal<{ password: string }>
        open={resetFor !== null}
        title={`重置密码：${resetFor?.displayName ?? ''}`}
        okText="确认重置"
        formName="reset-password-form"
        onClose={() => setResetFor(null)}
        submit={(v) => resetPassword(resetFor!.id, v)}
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
