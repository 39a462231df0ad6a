import { AUDIT_READERS, type Role } from '@lianxi/domain';
import { Result, Spin } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { homeOf, useAuth, useMe } from './auth';
import { AppLayout } from './components/AppLayout';

const pages = {
  Login: lazy(() => import('./pages/accounts/LoginPage')),
  Password: lazy(() => import('./pages/accounts/PasswordPage')),
  Notifications: lazy(() => import('./pages/notifications/NotificationsPage')),
  OfficeDashboard: lazy(() => import('./pages/dashboards/OfficeDashboard')),
  IssueOrder: lazy(() => import('./pages/work-orders/IssueOrderPage')),
  WorkOrders: lazy(() => import('./pages/work-orders/WorkOrdersPage')),
  WorkOrder: lazy(() => import('./pages/work-orders/WorkOrderPage')),
  Tasks: lazy(() => import('./pages/tasks/TasksPage')),
  Task: lazy(() => import('./pages/tasks/TaskPage')),
  Inbox: lazy(() => import('./pages/tasks/InboxPage')),
  Overdue: lazy(() => import('./pages/supervision/OverduePage')),
  Cases: lazy(() => import('./pages/supervision/CasesPage')),
  Case: lazy(() => import('./pages/supervision/CasePage')),
  Leader: lazy(() => import('./pages/dashboards/LeaderDashboard')),
  Units: lazy(() => import('./pages/units/UnitsPage')),
  Policy: lazy(() => import('./pages/policy/PolicyPage')),
  Calendar: lazy(() => import('./pages/calendar/CalendarPage')),
  Users: lazy(() => import('./pages/accounts/UsersPage')),
  Queues: lazy(() => import('./pages/queues/QueuesPage')),
  AuditLog: lazy(() => import('./pages/audit/AuditLogPage')),
  LoginLog: lazy(() => import('./pages/accounts/LoginLogPage')),
  ClueIntake: lazy(() => import('./pages/clues/ClueIntakePage')),
  Clues: lazy(() => import('./pages/clues/CluesPage')),
  Clue: lazy(() => import('./pages/clues/CluePage')),
  Handoffs: lazy(() => import('./pages/handoffs/HandoffsPage')),
  Handoff: lazy(() => import('./pages/handoffs/HandoffPage')),
  RoutingRules: lazy(() => import('./pages/routing-rules/RoutingRulesPage')),
  Meetings: lazy(() => import('./pages/meetings/MeetingsPage')),
  MeetingForm: lazy(() => import('./pages/meetings/MeetingFormPage')),
  Meeting: lazy(() => import('./pages/meetings/MeetingPage')),
  Letters: lazy(() => import('./pages/letters/LettersPage')),
  LetterForm: lazy(() => import('./pages/letters/LetterFormPage')),
  Letter: lazy(() => import('./pages/letters/LetterPage')),
  Ranking: lazy(() => import('./pages/letters/RankingPage')),
  StatReports: lazy(() => import('./pages/stat-reports/StatReportsPage')),
  ReportForm: lazy(() => import('./pages/stat-reports/ReportFormPage')),
  StatReport: lazy(() => import('./pages/stat-reports/StatReportPage')),
  ImportFigures: lazy(() => import('./pages/stat-reports/ImportPage')),
  Summary: lazy(() => import('./pages/dashboards/SummaryPage')),
  Briefings: lazy(() => import('./pages/briefings/BriefingsPage')),
  Briefing: lazy(() => import('./pages/briefings/BriefingPage')),
  Conferences: lazy(() => import('./pages/conferences/ConferencesPage')),
  OrderDown: lazy(() => import('./pages/conferences/OrderProgressPage')),
};

const fallback = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin size="large" />
  </div>
);

function Page({ component: C, roles }: { component: ComponentType; roles?: Role[] }) {
  return (
    <Suspense fallback={fallback}>
      {roles ? (
        <RoleGate roles={roles}>
          <C />
        </RoleGate>
      ) : (
        <C />
      )}
    </Suspense>
  );
}

function RoleGate({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const me = useMe();
  if (!roles.includes(me.role)) {
    return <Result status="403" title="无权访问" subTitle="当前角色不能使用此功能。" />;
  }
  return <>{children}</>;
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) {
    const next = location.pathname + location.search;
    return (
      <Navigate to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />
    );
  }
  return <>{children}</>;
}

function Home() {
  return <Navigate to={homeOf(useMe().role)} replace />;
}

const OFFICE: Role[] = ['office', 'admin'];
const OVERSEERS: Role[] = ['office', 'admin', 'supervisor', 'leader'];
/** Who may read the login log (the API's own rule; the menu offers it to the admin). */
const LOG_READERS: Role[] = ['admin', 'office', 'supervisor'];
/** Who takes clues in and hands them on, and files monthly figures: the office and the units. */
const HANDLERS: Role[] = ['office', 'admin', 'unit'];

export const router = createBrowserRouter([
  { path: '/login', element: <Page component={pages.Login} /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Home /> },
      { path: 'dashboard', element: <Page component={pages.OfficeDashboard} roles={OFFICE} /> },
      { path: 'work-orders/new', element: <Page component={pages.IssueOrder} roles={OFFICE} /> },
      { path: 'work-orders', element: <Page component={pages.WorkOrders} /> },
      { path: 'work-orders/:id', element: <Page component={pages.WorkOrder} /> },
      { path: 'tasks', element: <Page component={pages.Tasks} roles={OVERSEERS} /> },
      { path: 'tasks/:id', element: <Page component={pages.Task} /> },
      { path: 'inbox', element: <Page component={pages.Inbox} roles={['unit']} /> },
      { path: 'supervision', element: <Page component={pages.Overdue} roles={OVERSEERS} /> },
      { path: 'supervision/cases', element: <Page component={pages.Cases} roles={OVERSEERS} /> },
      { path: 'supervision/cases/:id', element: <Page component={pages.Case} roles={OVERSEERS} /> },
      { path: 'leader', element: <Page component={pages.Leader} roles={OVERSEERS} /> },
      { path: 'units', element: <Page component={pages.Units} /> },
      { path: 'policy', element: <Page component={pages.Policy} /> },
      { path: 'calendar', element: <Page component={pages.Calendar} /> },
      { path: 'users', element: <Page component={pages.Users} roles={['admin']} /> },
      { path: 'conferences', element: <Page component={pages.Conferences} roles={OVERSEERS} /> },
      {
        path: 'conferences/work-orders/:id',
        element: <Page component={pages.OrderDown} roles={OVERSEERS} />,
      },
      { path: 'queues', element: <Page component={pages.Queues} roles={['admin']} /> },
      { path: 'audit', element: <Page component={pages.AuditLog} roles={[...AUDIT_READERS]} /> },
      { path: 'login-log', element: <Page component={pages.LoginLog} roles={LOG_READERS} /> },
      { path: 'clues/new', element: <Page component={pages.ClueIntake} roles={HANDLERS} /> },
      { path: 'clues', element: <Page component={pages.Clues} /> },
      { path: 'clues/:id', element: <Page component={pages.Clue} /> },
      { path: 'handoffs', element: <Page component={pages.Handoffs} roles={HANDLERS} /> },
      { path: 'handoffs/:id', element: <Page component={pages.Handoff} /> },
      {
        path: 'routing-rules',
        element: <Page component={pages.RoutingRules} roles={OVERSEERS} />,
      },
      { path: 'meetings', element: <Page component={pages.Meetings} /> },
      { path: 'meetings/new', element: <Page component={pages.MeetingForm} roles={OFFICE} /> },
      { path: 'meetings/:id', element: <Page component={pages.Meeting} /> },
      { path: 'meetings/:id/edit', element: <Page component={pages.MeetingForm} roles={OFFICE} /> },
      { path: 'letters', element: <Page component={pages.Letters} /> },
      { path: 'letters/new', element: <Page component={pages.LetterForm} roles={OFFICE} /> },
      { path: 'letters/ranking', element: <Page component={pages.Ranking} /> },
      { path: 'letters/:id', element: <Page component={pages.Letter} /> },
      { path: 'letters/:id/edit', element: <Page component={pages.LetterForm} roles={OFFICE} /> },
      { path: 'stat-reports', element: <Page component={pages.StatReports} roles={HANDLERS} /> },
      { path: 'stat-reports/new', element: <Page component={pages.ReportForm} roles={HANDLERS} /> },
      {
        path: 'stat-reports/import',
        element: <Page component={pages.ImportFigures} roles={OFFICE} />,
      },
      { path: 'stat-reports/:id', element: <Page component={pages.StatReport} /> },
      {
        path: 'stat-reports/:id/edit',
        element: <Page component={pages.ReportForm} roles={HANDLERS} />,
      },
      { path: 'stats', element: <Page component={pages.Summary} roles={OVERSEERS} /> },
      { path: 'briefings', element: <Page component={pages.Briefings} /> },
      { path: 'briefings/:id', element: <Page component={pages.Briefing} /> },
      { path: 'notifications', element: <Page component={pages.Notifications} /> },
      { path: 'password', element: <Page component={pages.Password} /> },
      {
        path: '*',
        element: <Result status="404" title="页面不存在" data-testid="not-found" />,
      },
    ],
  },
]);
