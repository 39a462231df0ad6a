import {
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  DatabaseOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BranchesOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  FundOutlined,
  ImportOutlined,
  InboxOutlined,
  KeyOutlined,
  LoginOutlined,
  ProfileOutlined,
  ReadOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  SendOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Role } from '@lianxi/domain';
import type { ReactNode } from 'react';

export interface MenuEntry {
  key: string;
  label: string;
  icon: ReactNode;
  /** A group's entries: the group itself is a heading that opens, not a page. */
  children?: MenuEntry[];
}

const entry = (key: string, label: string, icon: ReactNode): MenuEntry => ({ key, label, icon });
const group = (key: string, label: string, icon: ReactNode, children: MenuEntry[]): MenuEntry => ({
  key: `group:${key}`,
  label,
  icon,
  children,
});

const meetings = entry('/meetings', '会议', <TeamOutlined />);
const briefings = entry('/briefings', '工作简报', <ReadOutlined />);
const summary = entry('/stats', '统计汇总', <FundOutlined />);
const ranking = entry('/letters/ranking', '考核排名', <TrophyOutlined />);

/** 会议考核 and 统计简报 for those who read them: the supervisors and the leaders. */
const overseerGroups = [
  group('assessment', '会议考核', <CarryOutOutlined />, [
    meetings,
    entry('/letters', '责任书', <SolutionOutlined />),
    ranking,
  ]),
  group('figures', '统计简报', <ProfileOutlined />, [summary, briefings]),
];

/** The operation log (the audit chain): its readers are the office, supervisors and admin. */
const auditLog = entry('/audit', '操作日志', <FileSearchOutlined />);

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
        entry('/handoffs', '移送件', <SendOutlined />),
        entry('/work-orders', '交办单', <FileTextOutlined />),
        entry('/clues', '线索', <AuditOutlined />),
        entry('/clues/new', '线索登记', <FormOutlined />),
        group('assessment', '会议考核', <CarryOutOutlined />, [
          meetings,
          entry('/letters', '我的责任书', <SolutionOutlined />),
        ]),
        group('figures', '统计简报', <ProfileOutlined />, [
          entry('/stat-reports', '月报填报', <ReconciliationOutlined />),
          briefings,
        ]),
        entry('/units', '成员单位', <ClusterOutlined />),
        ...common,
      ];
    case 'supervisor':
      return [
        entry('/supervision', '督办台', <AlertOutlined />),
        entry('/supervision/cases', '督办件', <SafetyCertificateOutlined />),
        entry('/tasks', '全部任务', <UnorderedListOutlined />),
        entry('/clues', '线索', <AuditOutlined />),
        entry('/leader', '统计看板', <BarChartOutlined />),
        ...overseerGroups,
        auditLog,
        ...common,
      ];
    case 'leader':
      return [
        entry('/leader', '领导看板', <BarChartOutlined />),
        entry('/supervision', '督办台', <AlertOutlined />),
        entry('/supervision/cases', '督办件', <SafetyCertificateOutlined />),
        entry('/clues', '线索', <AuditOutlined />),
        ...overseerGroups,
        ...common,
      ];
    default:
      return [
        entry('/dashboard', '工作台', <AppstoreOutlined />),
        entry('/work-orders/new', '下发交办单', <FileAddOutlined />),
        entry('/work-orders', '交办单', <FileTextOutlined />),
        entry('/tasks', '全部任务', <UnorderedListOutlined />),
        entry('/clues/new', '线索登记', <FormOutlined />),
        entry('/clues', '线索管理', <AuditOutlined />),
        entry('/handoffs', '移送件', <SendOutlined />),
        entry('/supervision', '督办台', <AlertOutlined />),
        entry('/supervision/cases', '督办件', <SafetyCertificateOutlined />),
        group('assessment', '会议考核', <CarryOutOutlined />, [
          meetings,
          entry('/letters', '责任书', <SolutionOutlined />),
          ranking,
        ]),
        group('figures', '统计简报', <ProfileOutlined />, [
          entry('/stat-reports', '报表审核', <ReconciliationOutlined />),
          entry('/stat-reports/import', '报表导入', <ImportOutlined />),
          summary,
          briefings,
        ]),
        entry('/units', '成员单位', <ClusterOutlined />),
        entry('/policy', '督办规则', <SettingOutlined />),
        entry('/routing-rules', '分流规则', <BranchesOutlined />),
        entry('/calendar', '工作日历', <CalendarOutlined />),
        entry('/conferences', '下级联席会议', <ApartmentOutlined />),
        auditLog,
        ...(role === 'admin'
          ? [
              entry('/login-log', '登录日志', <LoginOutlined />),
              entry('/users', '账号管理', <UserOutlined />),
              entry('/queues', '队列监控', <DatabaseOutlined />),
            ]
          : []),
        ...common,
      ];
  }
}

/** Every page entry, groups opened out. */
export const pageEntries = (entries: MenuEntry[]): MenuEntry[] =>
  entries.flatMap((e) => (e.children ? pageEntries(e.children) : [e]));

/** The group holding a menu key, if any. */
export const groupOf = (entries: MenuEntry[], key: string | undefined) =>
  key ? entries.find((e) => e.children?.some((c) => c.key === key))?.key : undefined;

/** The menu key a path belongs to: the longest entry that prefixes it. */
export function selectedKey(entries: MenuEntry[], pathname: string): string | undefined {
  return pageEntries(entries)
    .map((e) => e.key)
    .filter((k) => pathname === k || pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
}
