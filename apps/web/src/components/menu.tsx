import {
  AlertOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FileAddOutlined,
  FileTextOutlined,
  InboxOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { Role } from '@lianxi/domain';
import type { ReactNode } from 'react';

export interface MenuEntry {
  key: string;
  label: string;
  icon: ReactNode;
}

const entry = (key: string, label: string, icon: ReactNode): MenuEntry => ({ key, label, icon });

const common = [
  entry('/notifications', '通知', <BellOutlined />),
  entry('/password', '修改密码', <KeyOutlined />),
];

/** Each role's workbench: what it works on first, then what it may only look at. */
export function menuFor(role: Role): MenuEntry[] {
  switch (role) {
    case 'unit':
      return [
        entry('/inbox', '我的任务', <InboxOutlined />),
        entry('/work-orders', '交办单', <FileTextOutlined />),
        entry('/units', '成员单位', <ClusterOutlined />),
        ...common,
      ];
    case 'supervisor':
      return [
        entry('/supervision', '督办台', <AlertOutlined />),
        entry('/supervision/cases', '督办件', <SafetyCertificateOutlined />),
        entry('/tasks', '全部任务', <UnorderedListOutlined />),
        entry('/leader', '统计看板', <BarChartOutlined />),
        ...common,
      ];
    case 'leader':
      return [
        entry('/leader', '领导看板', <BarChartOutlined />),
        entry('/supervision', '督办台', <AlertOutlined />),
        entry('/supervision/cases', '督办件', <SafetyCertificateOutlined />),
        ...common,
      ];
    default:
      return [
        entry('/dashboard', '工作台', <AppstoreOutlined />),
        entry('/work-orders/new', '下发交办单', <FileAddOutlined />),
        entry('/work-orders', '交办单', <FileTextOutlined />),
        entry('/tasks', '全部任务', <UnorderedListOutlined />),
        entry('/supervision', '督办台', <AlertOutlined />),
        entry('/supervision/cases', '督办件', <SafetyCertificateOutlined />),
        entry('/units', '成员单位', <ClusterOutlined />),
        entry('/policy', '督办规则', <SettingOutlined />),
        entry('/calendar', '工作日历', <CalendarOutlined />),
        ...common,
      ];
  }
}

/** The menu key a path belongs to: the longest entry that prefixes it. */
export function selectedKey(entries: MenuEntry[], pathname: string): string | undefined {
  return entries
    .map((e) => e.key)
    .filter((k) => pathname === k || pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
}
