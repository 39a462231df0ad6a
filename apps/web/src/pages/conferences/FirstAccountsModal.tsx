import { type CreatedSubConference, ROLE_LABELS, type Role } from '@lianxi/domain';
import { Alert, Button, Modal, Table, Typography } from 'antd';

/**
 * The new conference's first accounts and their one-time passwords, shown once: the
 * administrator hands them over, and each is changed at first login.
 */
export function FirstAccountsModal({
  created,
  onClose,
}: {
  created: CreatedSubConference | null;
  onClose: () => void;
}) {
  return (
    <Modal
      open={created !== null}
      title={created ? `已设立：${created.conference.name}` : ''}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          已记下，关闭
        </Button>
      }
      width={640}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="初始密码只显示这一次"
        description="请当面或通过安全渠道转交下级；对方首次登录须修改密码。关闭后无法再次查看，忘记时由下级管理员重置。"
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={created?.accounts ?? []}
        data-testid="first-accounts"
        columns={[
          {
            title: '角色',
            dataIndex: 'role',
            key: 'role',
            render: (r) => ROLE_LABELS[r as Role],
          },
          { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
          {
            title: '用户名',
            dataIndex: 'username',
            key: 'username',
            render: (u: string) => <Typography.Text copyable>{u}</Typography.Text>,
          },
          {
            title: '初始密码',
            dataIndex: 'password',
            key: 'password',
            render: (p: string) => (
              <Typography.Text code copyable data-testid="first-password">
                {p}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Modal>
  );
}
