import { createBrowserRouter } from 'react-router';
import { PageLoader } from '../components/ui/page-loader';
import { LoginPage } from '../features/auth/routes/login-page';
import { AppLayout } from './layout/app-layout';
import { RequireAuth } from './require-auth';
import { RequirePermission } from './require-permission';
import { HomeRedirect } from './routes/home-redirect';
import { NotFoundPage } from './routes/not-found-page';
import { RouteError } from './routes/route-error';

/*
 * Every page below the shell is guarded by the permission its API needs; the navigation
 * (navigation.ts) shows the same entries for the same permissions. Pages load on demand.
 */
export const router = createBrowserRouter([
  { path: '/login', Component: LoginPage, ErrorBoundary: () => <RouteError standalone /> },
  // An organisation's "sign in with SSO" link: hands the browser to its identity provider.
  {
    path: '/login/sso/:slug',
    HydrateFallback: PageLoader,
    ErrorBoundary: () => <RouteError standalone />,
    lazy: {
      Component: async () => (await import('../features/sso/routes/sso-start-page')).SsoStartPage,
    },
  },
  {
    path: '/set-password',
    HydrateFallback: PageLoader,
    ErrorBoundary: () => <RouteError standalone />,
    lazy: {
      Component: async () => (await import('../features/auth/routes/set-password-page')).SetPasswordPage,
    },
  },
  {
    path: '/forgot-password',
    HydrateFallback: PageLoader,
    ErrorBoundary: () => <RouteError standalone />,
    lazy: {
      Component: async () =>
        (await import('../features/auth/routes/forgot-password-page')).ForgotPasswordPage,
    },
  },
  // Public: anyone holding a certificate (an auditor, an employer) checks it here, signed in or not.
  ...['/verify', '/verify/:code'].map((path) => ({
    path,
    HydrateFallback: PageLoader,
    ErrorBoundary: () => <RouteError standalone />,
    lazy: {
      Component: async () => (await import('../features/certificates/routes/verify-page')).VerifyPage,
    },
  })),
  {
    Component: RequireAuth,
    HydrateFallback: PageLoader,
    ErrorBoundary: () => <RouteError standalone />,
    children: [
      {
        Component: AppLayout,
        children: [
          {
            ErrorBoundary: RouteError,
            children: [
              { index: true, Component: HomeRedirect },
              {
                path: 'account',
                lazy: {
                  Component: async () => (await import('../features/auth/routes/account-page')).AccountPage,
                },
              },
              {
                element: <RequirePermission permission="training:play" />,
                children: [
                  {
                    path: 'training',
                    lazy: {
                      Component: async () =>
                        (await import('../features/learning/routes/my-training-page')).MyTrainingPage,
                    },
                  },
                  {
                    path: 'training/certificates',
                    lazy: {
                      Component: async () =>
                        (await import('../features/certificates/routes/my-certificates-page'))
                          .MyCertificatesPage,
                    },
                  },
                  {
                    path: 'training/:assignmentId',
                    lazy: {
                      Component: async () =>
                        (await import('../features/learning/routes/player-page')).PlayerPage,
                    },
                  },
                ],
              },
              {
                element: <RequirePermission permission="progress:read" />,
                children: [
                  {
                    path: 'officer',
                    lazy: {
                      Component: async () =>
                        (await import('../features/progress/routes/overview-page')).OverviewPage,
                    },
                  },
                  {
                    path: 'officer/people',
                    lazy: {
                      Component: async () =>
                        (await import('../features/progress/routes/people-page')).PeoplePage,
                    },
                  },
                  {
                    path: 'officer/outbox',
                    lazy: {
                      Component: async () =>
                        (await import('../features/programme/routes/outbox-page')).OutboxPage,
                    },
                  },
                  {
                    path: 'officer/people/:userId',
                    lazy: {
                      Component: async () =>
                        (await import('../features/progress/routes/person-page')).PersonPage,
                    },
                  },
                ],
              },
              {
                element: <RequirePermission permission="approaches:report" />,
                children: [
                  {
                    path: 'approaches/check',
                    lazy: {
                      Component: async () =>
                        (await import('../features/approaches/routes/check-page')).CheckPage,
                    },
                  },
                  {
                    path: 'approaches/report',
                    lazy: {
                      Component: async () =>
                        (await import('../features/approaches/routes/report-page')).ReportPage,
                    },
                  },
                  {
                    path: 'approaches/mine',
                    lazy: {
                      Component: async () =>
                        (await import('../features/approaches/routes/my-reports-page')).MyReportsPage,
                    },
                  },
                  {
                    path: 'approaches/mine/:reportId',
                    lazy: {
                      Component: async () =>
                        (await import('../features/approaches/routes/my-report-page')).MyReportPage,
                    },
                  },
                ],
              },
              {
                element: <RequirePermission permission="approaches:triage" />,
                children: [
                  {
                    path: 'triage',
                    lazy: {
                      Component: async () =>
                        (await import('../features/approaches/routes/triage-page')).TriagePage,
                    },
                  },
                  {
                    path: 'triage/:reportId',
                    lazy: {
                      Component: async () =>
                        (await import('../features/approaches/routes/triage-report-page')).TriageReportPage,
                    },
                  },
                ],
              },
              {
                element: <RequirePermission permission="audit:read" />,
                children: [
                  {
                    path: 'officer/audit',
                    lazy: {
                      Component: async () =>
                        (await import('../features/audit/routes/audit-log-page')).AuditLogPage,
                    },
                  },
                ],
              },
              {
                element: <RequirePermission permission="identity:manage" />,
                children: [
                  {
                    path: 'admin/sso',
                    lazy: {
                      Component: async () =>
                        (await import('../features/sso/routes/sso-settings-page')).SsoSettingsPage,
                    },
                  },
                ],
              },
              {
                element: <RequirePermission permission="settings:manage" />,
                children: [
                  {
                    path: 'admin/settings',
                    lazy: {
                      Component: async () =>
                        (await import('../features/settings/routes/settings-page')).SettingsPage,
                    },
                  },
                ],
              },
              {
                element: <RequirePermission permission="identity:manage" />,
                children: [
                  {
                    path: 'admin/provisioning',
                    lazy: {
                      Component: async () =>
                        (await import('../features/provisioning/routes/provisioning-page')).ProvisioningPage,
                    },
                  },
                ],
              },
              {
                element: <RequirePermission permission="approaches:rules" />,
                children: [
                  {
                    path: 'admin/checker-rules',
                    lazy: {
                      Component: async () =>
                        (await import('../features/approaches/routes/checker-rules-page')).CheckerRulesPage,
                    },
                  },
                ],
              },
              {
                element: <RequirePermission permission="people:manage" />,
                children: [
                  {
                    path: 'admin/people',
                    lazy: {
                      Component: async () =>
                        (await import('../features/people/routes/people-admin-page')).PeopleAdminPage,
                    },
                  },
                  {
                    path: 'admin/people/import',
                    lazy: {
                      Component: async () =>
                        (await import('../features/people/routes/people-import-page')).PeopleImportPage,
                    },
                  },
                ],
              },
              {
                element: <RequirePermission permission="assignments:manage" />,
                children: [
                  {
                    path: 'admin/assign',
                    lazy: {
                      Component: async () =>
                        (await import('../features/assignments/routes/assign-page')).AssignPage,
                    },
                  },
                  {
                    path: 'admin/rules',
                    lazy: {
                      Component: async () =>
                        (await import('../features/programme/routes/rules-page')).RulesPage,
                    },
                  },
                  {
                    path: 'admin/email-templates',
                    lazy: {
                      Component: async () =>
                        (await import('../features/programme/routes/templates-page')).TemplatesPage,
                    },
                  },
                ],
              },
              {
                element: <RequirePermission permission="modules:author" />,
                children: [
                  {
                    path: 'admin/modules',
                    lazy: {
                      Component: async () =>
                        (await import('../features/authoring/routes/module-library-page')).ModuleLibraryPage,
                    },
                  },
                  {
                    path: 'admin/modules/:moduleId/edit',
                    lazy: {
                      Component: async () =>
                        (await import('../features/authoring/routes/module-editor-page')).ModuleEditorPage,
                    },
                  },
                  {
                    path: 'admin/modules/:moduleId/history',
                    lazy: {
                      Component: async () =>
                        (await import('../features/authoring/routes/module-history-page')).ModuleHistoryPage,
                    },
                  },
                ],
              },
              { path: '*', Component: NotFoundPage },
            ],
          },
        ],
      },
    ],
  },
]);
