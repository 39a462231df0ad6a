import {
  CreateUserInput,
  Phone,
  ROLE_LABELS,
  type Role,
  type User,
  Username,
} from '@lianxi/domain';
import { Form, Input, Select } from 'antd';
import { useUnits } from '../../api/units';
import { ActionModal } from '../../components/ActionModal';
import { optionalSchemaRule, textRules } from '../../lib/forms';
import { createUser, updateUser } from '../../api/accounts';

export const PASSWORD_HINT = '至少 10 位，含大写字母、小写字母、数字、符号中的三类，且不含用户名';

interface Values {
  username: string;
  displayName: string;
  phone?: string;
  role: Role;
  unitId?: string;
  password: string;
}

/** What the form edits: a new account, or an existing one (`null` when closed). */
export type UserFormTarget = { kind: 'new' } | { kind: 'edit'; user: User } | null;

/**
 * 新建账号 and 编辑账号 in one form: name, phone, role and unit for both; the username and the
 * first password only for a new account. A change of role or unit ends the account's logins
 * (what a login may do was decided when it began), so the form says so before it is saved.
 */
export function UserFormModal({
  target,
  onClose,
  onDone,
}: {
  target: UserFormTarget;
  onClose: () => void;
  onDone: () => unknown;
}) {
  const units = useUnits();
  const user = target?.kind === 'edit' ? target.user : null;
  const phone = (v: Values) => v.phone?.trim() || null;
  return (
    <ActionModal<Values>
      open={target !== null}
      title={user ? `编辑账号：${user.username}` : '新建账号'}
      okText={user ? '保存' : '确认新建'}
      formName={user ? 'edit-user-form' : 'user-form'}
      initialValues={
        user
          ? {
              displayName: user.displayName,
              phone: user.phone ?? undefined,
              role: user.role,
              unitId: user.unitId ?? undefined,
            }
          : { role: 'unit' }
      }
      onClose={onClose}
      submit={(v) => {
        const unitId = v.role === 'unit' ? v.unitId : undefined;
        return user
          ? updateUser(user.id, {
              version: user.version,
              displayName: v.displayName,
              phone: phone(v),
              role: v.role,
              unitId: unitId ?? null,
            })
          : createUser({
              username: v.username.trim(),
              displayName: v.displayName,
              phone: phone(v) ?? undefined,
              role: v.role,
              unitId,
              password: v.password,
            });
      }}
      success={user ? '账号已修改' : '账号已新建，首次登录须修改密码'}
      onDone={onDone}
    >
      {(form) => (
        <>
          {!user && (
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
          )}
          <Form.Item
            label="姓名"
            name="displayName"
            rules={textRules('姓名', CreateUserInput.shape.displayName)}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item
            label="联系电话"
            name="phone"
            extra="手机号或带区号的座机，可不填"
            rules={[optionalSchemaRule(Phone)]}
          >
            <Input maxLength={30} inputMode="tel" autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="角色"
            name="role"
            extra={user ? '修改角色或所属单位后，该账号须重新登录。' : undefined}
          >
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
          {!user && (
            <Form.Item
              label="初始密码"
              name="password"
              extra={PASSWORD_HINT}
              rules={[{ required: true, message: '请填写初始密码' }]}
            >
              <Input.Password maxLength={256} autoComplete="new-password" />
            </Form.Item>
          )}
        </>
      )}
    </ActionModal>
  );
}
