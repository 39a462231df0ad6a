import { CreateUserInput, ROLE_LABELS, type Role, type User } from '@lianxi/domain';
import { Form, Input, Select } from 'antd';
import { patch } from '../../api/client';
import { useUnits } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import { textRules } from '../../lib/forms';

interface Values {
  displayName: string;
  role: Role;
  unitId?: string;
}

/**
 * 编辑账号: name, role and unit. A change of role or unit ends the account's logins (what a
 * login may do was decided when it began), so the dialog says so before it is confirmed.
 */
export function EditUserModal({
  user,
  onClose,
  onDone,
}: {
  user: User | null;
  onClose: () => void;
  onDone: () => unknown;
}) {
  const units = useUnits();
  return (
    <ActionModal<Values>
      open={user !== null}
      title={`编辑账号：${user?.username ?? ''}`}
      okText="保存"
      formName="edit-user-form"
      initialValues={
        user
          ? { displayName: user.displayName, role: user.role, unitId: user.unitId ?? undefined }
          : {}
      }
      onClose={onClose}
      submit={(v) =>
        patch(`/api/users/${user!.id}`, {
          version: user!.version,
          displayName: v.displayName,
          role: v.role,
          unitId: v.role === 'unit' ? v.unitId : null,
        })
      }
      success="账号已修改"
      onDone={onDone}
    >
      {(form) => (
        <>
          <Form.Item
            label="姓名"
            name="displayName"
            rules={textRules('姓名', CreateUserInput.shape.displayName)}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item label="角色" name="role" extra="修改角色或所属单位后，该账号须重新登录。">
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
        </>
      )}
    </ActionModal>
  );
}
