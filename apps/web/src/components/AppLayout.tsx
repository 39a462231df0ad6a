import {
  BellOutlined,
  DownOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Drawer,
  Dropdown,
  Grid,
  Layout,
  Menu,
  type MenuProps,
  Space,
  Spin,
} from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { setPasswordChangeHandler } from '../api/client';
import { useUnreadCount } from '../api/notifications';
import { useAuth, useMe } from '../auth';
import { roleLabel } from '../lib/format';
import { groupOf, type MenuEntry, menuFor, selectedKey } from './menu';

const { Header, Sider, Content } = Layout;

type MenuItem = Required<MenuProps>['items'][number];
const toItem = (e: MenuEntry): MenuItem =>
  e.children
    ? { key: e.key, icon: e.icon, label: e.label, children: e.children.map(toItem) }
    : { key: e.key, icon: e.icon, label: e.label };

export function AppLayout() {
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  // Until the breakpoint is measured, assume a desktop so the first paint does not flicker.
  const mobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const unread = useUnreadCount(true);

  useEffect(() => {
    setPasswordChangeHandler(() => navigate('/password'));
    return () => setPasswordChangeHandler(null);
  }, [navigate]);

  const entries = menuFor(me.role);
  const current = selectedKey(entries, pathname);
  // The group of the page shown opens by itself; one group is open at a time, so the menu
  // stays within a 768-pixel screen.
  const currentGroup = groupOf(entries, current);
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : []);
  const [openedFor, setOpenedFor] = useState(currentGroup);
  if (currentGroup !== openedFor) {
    setOpenedFor(currentGroup);
    if (currentGroup && !openKeys.includes(currentGroup)) setOpenKeys([currentGroup]);
  }
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={current ? [current] : []}
      openKeys={openKeys}
      onOpenChange={(keys) => {
        const opened = keys.find((k) => !openKeys.includes(k));
        setOpenKeys(opened ? [opened] : keys);
      }}
      items={entries.map(toItem)}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      data-testid="main-menu"
    />
  );

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          padding: mobile ? '0 12px' : '0 24px',
          background: '#8b1a1a',
        }}
      >
        {mobile && (
          <Button
            type="text"
            icon={<MenuOutlined style={{ color: '#fff' }} />}
            aria-label="打开菜单"
            data-testid="menu-toggle"
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/" className="lx-brand" style={{ flex: 1, minWidth: 0 }}>
          {mobile ? '联席' : '联席 · 打击传销联席会议工作平台'}
        </Link>
        <Space size={mobile ? 8 : 16}>
          <Link to="/notifications" aria-label="通知" data-testid="notifications-bell">
            <Badge
              count={unread.data ?? 0}
              size="small"
              overflowCount={99}
              data-testid="unread-badge"
            >
              <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
            </Badge>
          </Link>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'password', icon: <UserOutlined />, label: '修改密码' },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
              ],
              onClick: ({ key }) => (key === 'logout' ? void onLogout() : navigate('/password')),
            }}
          >
            <Button type="text" style={{ color: '#fff' }} data-testid="user-menu">
              <Space size={4}>
                <span>
                  {mobile
                    ? me.displayName.slice(0, 6)
                    : `${me.displayName}（${roleLabel(me.role)}）`}
                </span>
                <DownOutlined />
              </Space>
            </Button>
          </Dropdown>
        </Space>
      </Header>
      <Layout>
        {!mobile && (
          <Sider
            width={200}
            theme="light"
            breakpoint="lg"
            collapsible
            // the menu stays in view and scrolls on its own, above the collapse trigger
            style={{ position: 'sticky', top: 0, alignSelf: 'flex-start' }}
          >
            <div className="lx-side-menu">{menu}</div>
          </Sider>
        )}
        <Drawer
          open={mobile && drawerOpen}
          placement="left"
          size={240}
          title="功能菜单"
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
        <Content className="lx-content">
          {me.mustChangePassword && pathname !== '/password' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              closable
              title="您仍在使用初始密码，请尽快修改。"
              action={
                <Link to="/password">
                  <Button size="small">去修改</Button>
                </Link>
              }
            />
          )}
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
