import { DEFAULT_RULES } from '@countersign/approach-checker';
import type { AttachmentView, MyReportView } from '@countersign/contracts/approaches';
import type { AuthoringModuleDetail } from '@countersign/contracts/authoring';
import type { AttemptState } from '@countersign/contracts/learning';
import {
  PERMISSIONS,
  ROLE_PERMISSIONS,
  ROLES,
  type Permission,
  type Role,
} from '@countersign/contracts/permissions';
import type { ModuleContent } from '@countersign/scenario-engine';
import type request from 'supertest';
import { playToEnding, playToPass } from './play.js';
import { TEST_PASSWORD, TestContext, type Client, type TestUser } from './test-app.js';

/**
 * Who may call what. The table states each route's permission; which roles hold it comes from
 * ROLE_PERMISSIONS, so changing the role map changes the expectations here, and a route whose
 * declared permission changes shows up in the route snapshot below.
 */

type Caller = Role | 'anonymous';
const CALLERS: readonly Caller[] = [...ROLES, 'anonymous'];

interface PlayFixture {
  /** Assignment of module 1 with an attempt in the scenario phase (no choice made yet). */
  assignmentId: string;
  attemptId: string;
  firstChoiceId: string;
  /** Attempt of module 2, played to the end of the scenario: its quiz is open. */
  quizAttemptId: string;
  quizAnswers: Record<string, string[]>;
}

interface Fixture {
  users: Record<Role, TestUser>;
  clients: Record<Role, Client>;
  play: Record<Role, PlayFixture>;
  moduleId: string;
  /** A report made by each role, with one screenshot, and a notification for each role. */
  reports: Record<Role, MyReportView>;
  attachments: Record<Role, AttachmentView>;
  notifications: Record<Role, string>;
  /** Modules authored by the admin: one whose draft is saved and archived, one to publish. */
  authored: { draftModuleId: string; publishModuleId: string };
  /** Content of version 1 of `moduleId`, for draft saves and imports. */
  moduleContent: ModuleContent;
  /** An image uploaded by the admin. */
  mediaId: string;
  /** People the admin edits, deactivates and reactivates (the last one starts deactivated). */
  people: { edit: string; deactivate: string; reactivate: string; invite: string };
  /** An import made by the admin, whose result can be downloaded. */
  importId: string;
  /** Departments the admin renames, merges (source into target) and deletes (empty). */
  departments: { rename: string; mergeSource: string; mergeInto: string; remove: string };
  /** A SCIM token the admin revokes. */
  scimTokenId: string;
  /** Assignment rules the admin reads, edits and deletes. */
  rules: { view: string; edit: string; remove: string };
  /** A failed email the admin queues again. */
  failedEmailId: string;
  /**
   * Per role: a completed assignment with its certificate (downloaded, and revoked by that role),
   * and a certificate revoked in advance (reinstated by that role).
   */
  certificates: Record<Role, { assignmentId: string; id: string; code: string; revokedId: string }>;
}

/** A rule for the route table: relative due date, no audience (everyone). */
const tableRule = (fx: Fixture) => ({
  name: `Table rule ${++tableNames}`,
  moduleId: fx.moduleId,
  due: { kind: 'relative', days: 30 },
});

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
let reportKeys = 0;
let tableNames = 0;

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As documented in OpenAPI, with `{param}` placeholders. */
  path: string;
  /**
   * `scim-token`: a /scim/v2 route, for an identity provider with a SCIM bearer token (tested in
   * scim.spec.ts). No session of any role reaches it: each caller here gets SCIM's 401.
   */
  permission: Permission | 'public' | 'scim-token';
  /** The status a caller that may use the route gets with the valid ids and body below. */
  ok: number;
  /** Public routes only: what an anonymous caller gets. */
  anonymous?: number;
  /** Calls that end the session get a session of their own. */
  ownSession?: boolean;
  params?: (fx: Fixture, who: Role) => Record<string, string>;
  /** Query string, without the `?`. */
  query?: (fx: Fixture, who: Role) => string;
  body?: (fx: Fixture, who: Role) => object;
  /** A multipart upload of this file as the field `file`, instead of a JSON body. */
  upload?: { filename: string; contentType: string; data: Buffer };
}

const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/health', permission: 'public', ok: 200, anonymous: 200 },
  { method: 'GET', path: '/api/health/live', permission: 'public', ok: 200, anonymous: 200 },
  { method: 'GET', path: '/api/health/ready', permission: 'public', ok: 200, anonymous: 200 },
  {
    method: 'POST',
    path: '/api/auth/login',
    permission: 'public',
    ok: 200,
    anonymous: 200,
    body: (fx, who) => ({ email: fx.users[who].email, password: TEST_PASSWORD }),
  },
  // Public, but by design it answers 401 to a caller without a session.
  { method: 'GET', path: '/api/auth/session', permission: 'public', ok: 200, anonymous: 401 },
  { method: 'POST', path: '/api/auth/logout', permission: 'account:self', ok: 200, ownSession: true },
  // No organisation of the table's has SSO: a domain nobody claimed answers "password".
  {
    method: 'POST',
    path: '/api/auth/sso/discover',
    permission: 'public',
    ok: 200,
    anonymous: 200,
    body: () => ({ email: 'someone@unclaimed.example' }),
  },
  // Browser navigations: both always redirect (here to the login page: no connection is set up).
  {
    method: 'GET',
    path: '/api/auth/sso/{slug}/start',
    permission: 'public',
    ok: 302,
    anonymous: 302,
    params: () => ({ slug: 'no-such-organisation' }),
  },
  { method: 'GET', path: '/api/auth/sso/callback', permission: 'public', ok: 302, anonymous: 302 },
  { method: 'GET', path: '/api/sso', permission: 'identity:manage', ok: 200 },
  // The issuer must answer discovery; 127.0.0.1:9 does not, so the save is refused with 422.
  {
    method: 'PUT',
    path: '/api/sso',
    permission: 'identity:manage',
    ok: 422,
    body: () => ({
      displayName: 'Table SSO',
      issuer: 'https://127.0.0.1:9',
      clientId: 'countersign',
      clientSecret: 'table-secret',
      domains: ['table.example'],
      claims: {},
      enabled: true,
    }),
  },
  {
    method: 'POST',
    path: '/api/auth/password/forgot',
    permission: 'public',
    ok: 202,
    anonymous: 202,
    body: () => ({ email: 'nobody-here@example.test' }),
  },
  // An unknown link answers 404 to anyone: reachable without a session, useless without a token.
  {
    method: 'POST',
    path: '/api/auth/password/token',
    permission: 'public',
    ok: 404,
    anonymous: 404,
    body: () => ({ token: 'x'.repeat(43) }),
  },
  {
    method: 'POST',
    path: '/api/auth/password/set',
    permission: 'public',
    ok: 404,
    anonymous: 404,
    body: () => ({ token: 'y'.repeat(43), password: 'quartz lantern orbit 93 fjord' }),
  },
  // The steps after the password: a well-formed but unknown challenge is refused with 401 to anyone.
  {
    method: 'POST',
    path: '/api/auth/login/second-factor',
    permission: 'public',
    ok: 401,
    anonymous: 401,
    body: () => ({ challenge: 'c'.repeat(43), code: '123456' }),
  },
  {
    method: 'POST',
    path: '/api/auth/login/enrol',
    permission: 'public',
    ok: 401,
    anonymous: 401,
    body: () => ({ challenge: 'c'.repeat(43) }),
  },
  {
    method: 'POST',
    path: '/api/auth/login/enrol/confirm',
    permission: 'public',
    ok: 401,
    anonymous: 401,
    body: () => ({ challenge: 'c'.repeat(43), code: '123456' }),
  },
  { method: 'GET', path: '/api/auth/second-factor', permission: 'account:self', ok: 200 },
  // Before any enrolment has begun: nothing to confirm (409), so no code is ever accepted here.
  {
    method: 'POST',
    path: '/api/auth/second-factor/confirm',
    permission: 'account:self',
    ok: 409,
    body: () => ({ code: '123456' }),
  },
  // Begins an enrolment (a pending secret) for the caller; sign-in is unchanged until confirmed.
  { method: 'POST', path: '/api/auth/second-factor/enrol', permission: 'account:self', ok: 200 },
  // No confirmed factor: nothing to regenerate or remove (409).
  {
    method: 'POST',
    path: '/api/auth/second-factor/recovery-codes',
    permission: 'account:self',
    ok: 409,
    body: () => ({ code: '123456' }),
  },
  {
    method: 'POST',
    path: '/api/auth/second-factor/remove',
    permission: 'account:self',
    ok: 409,
    body: () => ({ code: '123456' }),
  },
  // A wrong current password: reached, refused with 422, nobody's password changed.
  {
    method: 'POST',
    path: '/api/auth/password/change',
    permission: 'account:self',
    ok: 422,
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'quartz lantern orbit 93 fjord' }),
  },
  { method: 'GET', path: '/api/departments', permission: 'directory:read', ok: 200 },
  { method: 'GET', path: '/api/users', permission: 'directory:read', ok: 200 },
  { method: 'GET', path: '/api/people', permission: 'directory:read', ok: 200 },
  {
    method: 'GET',
    path: '/api/people/{userId}',
    permission: 'directory:read',
    ok: 200,
    params: (fx) => ({ userId: fx.users.employee.id }),
  },
  {
    method: 'POST',
    path: '/api/people',
    permission: 'people:manage',
    ok: 201,
    body: () => ({ name: 'Table Person', email: `table-${++tableNames}-${Date.now()}@example.test` }),
  },
  {
    method: 'PUT',
    path: '/api/people/{userId}',
    permission: 'people:manage',
    ok: 200,
    params: (fx) => ({ userId: fx.people.edit }),
    body: () => ({ jobTitle: `Analyst ${++tableNames}` }),
  },
  { method: 'GET', path: '/api/people/invitations/settings', permission: 'people:manage', ok: 200 },
  { method: 'GET', path: '/api/people/import/template', permission: 'people:manage', ok: 200 },
  ...(['preview', 'apply'] as const).map((step): RouteCase => ({
    method: 'POST',
    path: `/api/people/import/${step}`,
    permission: 'people:manage',
    ok: 200,
    // A header and no one: applying it changes no one.
    upload: { filename: 'people.csv', contentType: 'text/csv', data: Buffer.from('email,name\r\n') },
  })),
  {
    method: 'GET',
    path: '/api/people/imports/{importId}/result',
    permission: 'people:manage',
    ok: 200,
    params: (fx) => ({ importId: fx.importId }),
  },
  {
    method: 'POST',
    path: '/api/people/{userId}/invitation',
    permission: 'people:manage',
    ok: 200,
    params: (fx) => ({ userId: fx.people.invite }),
    body: () => ({ delivery: 'link' }),
  },
  {
    method: 'POST',
    path: '/api/people/{userId}/deactivate',
    permission: 'people:manage',
    ok: 200,
    params: (fx) => ({ userId: fx.people.deactivate }),
  },
  {
    method: 'GET',
    path: '/api/people/{userId}/second-factor',
    permission: 'people:manage',
    ok: 200,
    params: (fx) => ({ userId: fx.users.officer.id }),
  },
  // The person has no authenticator app: reached, and there is nothing to reset (409).
  {
    method: 'POST',
    path: '/api/people/{userId}/second-factor/reset',
    permission: 'people:manage',
    ok: 409,
    params: (fx) => ({ userId: fx.users.employee.id }),
  },
  {
    method: 'POST',
    path: '/api/people/{userId}/reactivate',
    permission: 'people:manage',
    ok: 200,
    params: (fx) => ({ userId: fx.people.reactivate }),
  },
  {
    method: 'POST',
    path: '/api/departments',
    permission: 'people:manage',
    ok: 201,
    body: () => ({ name: `Table department ${++tableNames}` }),
  },
  {
    method: 'PUT',
    path: '/api/departments/{departmentId}',
    permission: 'people:manage',
    ok: 200,
    params: (fx) => ({ departmentId: fx.departments.rename }),
    body: () => ({ name: `Renamed ${++tableNames}` }),
  },
  {
    method: 'POST',
    path: '/api/departments/{departmentId}/merge',
    permission: 'people:manage',
    ok: 200,
    params: (fx) => ({ departmentId: fx.departments.mergeSource }),
    body: (fx) => ({ intoDepartmentId: fx.departments.mergeInto }),
  },
  {
    method: 'DELETE',
    path: '/api/departments/{departmentId}',
    permission: 'people:manage',
    ok: 204,
    params: (fx) => ({ departmentId: fx.departments.remove }),
  },
  { method: 'GET', path: '/api/modules', permission: 'modules:read', ok: 200 },
  { method: 'GET', path: '/api/red-flags', permission: 'modules:read', ok: 200 },
  {
    method: 'POST',
    path: '/api/assignments',
    permission: 'assignments:manage',
    ok: 201,
    body: (fx) => ({ moduleId: fx.moduleId, dueDate: '2099-12-31', userIds: [fx.users.employee.id] }),
  },
  { method: 'GET', path: '/api/programme/rules', permission: 'progress:read', ok: 200 },
  {
    method: 'GET',
    path: '/api/programme/rules/{ruleId}',
    permission: 'progress:read',
    ok: 200,
    params: (fx) => ({ ruleId: fx.rules.view }),
  },
  {
    method: 'POST',
    path: '/api/programme/rules/preview',
    permission: 'assignments:manage',
    ok: 200,
    body: (fx) => ({ rule: tableRule(fx) }),
  },
  {
    method: 'POST',
    path: '/api/programme/rules',
    permission: 'assignments:manage',
    ok: 201,
    body: (fx) => tableRule(fx),
  },
  {
    method: 'PUT',
    path: '/api/programme/rules/{ruleId}',
    permission: 'assignments:manage',
    ok: 200,
    params: (fx) => ({ ruleId: fx.rules.edit }),
    body: (fx) => tableRule(fx),
  },
  {
    method: 'DELETE',
    path: '/api/programme/rules/{ruleId}',
    permission: 'assignments:manage',
    ok: 200,
    params: (fx) => ({ ruleId: fx.rules.remove }),
  },
  { method: 'GET', path: '/api/programme/templates', permission: 'assignments:manage', ok: 200 },
  {
    method: 'PUT',
    path: '/api/programme/templates/{kind}',
    permission: 'assignments:manage',
    ok: 200,
    params: () => ({ kind: 'reminder' }),
    body: () => ({ subject: 'Training due, {{person.name}}', body: '{{#items}}{{module}}{{/items}}' }),
  },
  {
    method: 'DELETE',
    path: '/api/programme/templates/{kind}',
    permission: 'assignments:manage',
    ok: 200,
    params: () => ({ kind: 'escalation' }),
  },
  {
    method: 'POST',
    path: '/api/programme/templates/{kind}/preview',
    permission: 'assignments:manage',
    ok: 200,
    params: () => ({ kind: 'reminder' }),
    body: () => ({ subject: 'Hello {{person.name}}', body: 'Body' }),
  },
  { method: 'GET', path: '/api/programme/outbox', permission: 'progress:read', ok: 200 },
  {
    method: 'POST',
    path: '/api/programme/outbox/{emailId}/retry',
    permission: 'assignments:manage',
    ok: 200,
    params: (fx) => ({ emailId: fx.failedEmailId }),
  },
  { method: 'GET', path: '/api/me/assignments', permission: 'training:play', ok: 200 },
  {
    method: 'POST',
    path: '/api/me/assignments/{assignmentId}/attempts',
    permission: 'training:play',
    ok: 200,
    params: (fx, who) => ({ assignmentId: fx.play[who].assignmentId }),
  },
  {
    method: 'GET',
    path: '/api/me/attempts/{attemptId}',
    permission: 'training:play',
    ok: 200,
    params: (fx, who) => ({ attemptId: fx.play[who].attemptId }),
  },
  {
    method: 'POST',
    path: '/api/me/attempts/{attemptId}/choices',
    permission: 'training:play',
    ok: 200,
    params: (fx, who) => ({ attemptId: fx.play[who].attemptId }),
    body: (fx, who) => ({ seq: 0, choiceId: fx.play[who].firstChoiceId }),
  },
  {
    method: 'POST',
    path: '/api/me/attempts/{attemptId}/debrief-review',
    permission: 'training:play',
    ok: 200,
    params: (fx, who) => ({ attemptId: fx.play[who].quizAttemptId }),
  },
  {
    method: 'POST',
    path: '/api/me/attempts/{attemptId}/quiz',
    permission: 'training:play',
    ok: 200,
    params: (fx, who) => ({ attemptId: fx.play[who].quizAttemptId }),
    body: (fx, who) => ({ round: 1, answers: fx.play[who].quizAnswers }),
  },
  { method: 'GET', path: '/api/progress/overview', permission: 'progress:read', ok: 200 },
  { method: 'GET', path: '/api/progress/trends', permission: 'progress:read', ok: 200 },
  { method: 'GET', path: '/api/progress', permission: 'progress:read', ok: 200 },
  { method: 'GET', path: '/api/progress/export.csv', permission: 'progress:read', ok: 200 },
  { method: 'GET', path: '/api/progress/compliance-report.pdf', permission: 'progress:read', ok: 200 },
  {
    method: 'GET',
    path: '/api/progress/people/{userId}',
    permission: 'progress:read',
    ok: 200,
    params: (fx) => ({ userId: fx.users.employee.id }),
  },
  {
    method: 'GET',
    path: '/api/me/assignments/{assignmentId}/certificate',
    permission: 'training:play',
    ok: 200,
    params: (fx, who) => ({ assignmentId: fx.certificates[who].assignmentId }),
  },
  { method: 'GET', path: '/api/me/certificates', permission: 'training:play', ok: 200 },
  {
    method: 'GET',
    path: '/api/certificates',
    permission: 'progress:read',
    ok: 200,
    query: (fx) => `userId=${fx.users.employee.id}`,
  },
  { method: 'GET', path: '/api/certificates/zip', permission: 'progress:read', ok: 200 },
  {
    method: 'GET',
    path: '/api/certificates/{certificateId}/pdf',
    permission: 'progress:read',
    ok: 200,
    params: (fx) => ({ certificateId: fx.certificates.employee.id }),
  },
  {
    method: 'POST',
    path: '/api/certificates/{certificateId}/revoke',
    permission: 'certificates:revoke',
    ok: 200,
    params: (fx, who) => ({ certificateId: fx.certificates[who].id }),
    body: () => ({ reason: 'Permission table' }),
  },
  {
    method: 'POST',
    path: '/api/certificates/{certificateId}/reinstate',
    permission: 'certificates:revoke',
    ok: 200,
    params: (fx, who) => ({ certificateId: fx.certificates[who].revokedId }),
    body: () => ({ reason: 'Permission table' }),
  },
  // Public: anyone may check a code (rate-limited per address).
  {
    method: 'GET',
    path: '/api/verify/{code}',
    permission: 'public',
    ok: 200,
    anonymous: 200,
    params: (fx) => ({ code: fx.certificates.employee.code }),
  },
  { method: 'GET', path: '/api/notifications', permission: 'account:self', ok: 200 },
  {
    method: 'POST',
    path: '/api/notifications/{notificationId}/read',
    permission: 'account:self',
    ok: 200,
    params: (fx, who) => ({ notificationId: fx.notifications[who] }),
  },
  {
    method: 'POST',
    path: '/api/notifications/read-all',
    permission: 'account:self',
    ok: 200,
    body: () => ({}),
  },
  { method: 'GET', path: '/api/approaches/questions', permission: 'approaches:report', ok: 200 },
  {
    method: 'POST',
    path: '/api/approaches/check',
    permission: 'approaches:report',
    ok: 200,
    body: () => ({ answers: { offer: ['travel'] }, messageText: 'we would cover your flights and hotel' }),
  },
  {
    method: 'POST',
    path: '/api/approaches/reports',
    permission: 'approaches:report',
    ok: 201,
    body: (_fx, who) => ({
      platform: 'Email',
      replied: false,
      idempotencyKey: `table-${who}-${++reportKeys}-${Date.now()}`,
    }),
  },
  { method: 'GET', path: '/api/approaches/reports/mine', permission: 'approaches:report', ok: 200 },
  {
    method: 'GET',
    path: '/api/approaches/reports/mine/{reportId}',
    permission: 'approaches:report',
    ok: 200,
    params: (fx, who) => ({ reportId: fx.reports[who].id }),
  },
  {
    method: 'POST',
    path: '/api/approaches/reports/{reportId}/attachments',
    permission: 'approaches:report',
    ok: 201,
    params: (fx, who) => ({ reportId: fx.reports[who].id }),
    upload: { filename: 'screenshot.png', contentType: 'image/png', data: PNG },
  },
  {
    method: 'GET',
    path: '/api/approaches/attachments/{attachmentId}',
    permission: 'approaches:report',
    ok: 200,
    params: (fx, who) => ({ attachmentId: fx.attachments[who].id }),
  },
  { method: 'GET', path: '/api/approaches/reports', permission: 'approaches:triage', ok: 200 },
  { method: 'GET', path: '/api/approaches/stats', permission: 'approaches:triage', ok: 200 },
  {
    method: 'GET',
    path: '/api/approaches/reports/{reportId}',
    permission: 'approaches:triage',
    ok: 200,
    params: (fx) => ({ reportId: fx.reports.employee.id }),
  },
  {
    method: 'POST',
    path: '/api/approaches/reports/{reportId}/assign',
    permission: 'approaches:triage',
    ok: 200,
    params: (fx) => ({ reportId: fx.reports.employee.id }),
    body: () => ({ assigneeId: null }),
  },
  {
    method: 'POST',
    path: '/api/approaches/reports/{reportId}/status',
    permission: 'approaches:triage',
    ok: 200,
    // Each caller moves its own new report, so every allowed call is a valid transition.
    params: (fx, who) => ({ reportId: fx.reports[who].id }),
    body: () => ({ status: 'in-review' }),
  },
  {
    method: 'POST',
    path: '/api/approaches/reports/{reportId}/notes',
    permission: 'approaches:triage',
    ok: 201,
    params: (fx) => ({ reportId: fx.reports.employee.id }),
    body: () => ({ body: 'Checked the profile.' }),
  },
  {
    method: 'GET',
    path: '/api/approaches/reports/{reportId}/export',
    permission: 'approaches:triage',
    ok: 200,
    params: (fx) => ({ reportId: fx.reports.employee.id }),
  },
  {
    method: 'GET',
    path: '/api/audit',
    permission: 'approaches:triage',
    ok: 200,
    query: (fx) => `subjectId=${fx.reports.employee.id}`,
  },
  { method: 'GET', path: '/api/audit/events', permission: 'audit:read', ok: 200 },
  {
    method: 'GET',
    path: '/api/audit/events.csv',
    permission: 'audit:read',
    ok: 200,
    query: () => 'action=module.published',
  },
  { method: 'GET', path: '/api/settings', permission: 'audit:read', ok: 200 },
  {
    method: 'PUT',
    path: '/api/settings',
    permission: 'settings:manage',
    ok: 200,
    body: () => ({ auditRetentionYears: 7 }),
  },
  { method: 'GET', path: '/api/approaches/rules', permission: 'approaches:rules', ok: 200 },
  {
    method: 'PUT',
    path: '/api/approaches/rules',
    permission: 'approaches:rules',
    ok: 200,
    body: () => ({ ...DEFAULT_RULES, version: 2 }),
  },
  { method: 'DELETE', path: '/api/approaches/rules', permission: 'approaches:rules', ok: 200 },
  { method: 'GET', path: '/api/authoring/modules', permission: 'modules:author', ok: 200 },
  {
    method: 'POST',
    path: '/api/authoring/modules',
    permission: 'modules:author',
    ok: 201,
    body: () => ({ title: 'Table module', summary: 'From the permission table', estimatedMinutes: 10 }),
  },
  {
    method: 'POST',
    path: '/api/authoring/modules/import',
    permission: 'modules:author',
    ok: 201,
    body: (fx) => ({
      format: 'countersign.module',
      formatVersion: 1,
      module: { title: 'Imported in the table', summary: '', estimatedMinutes: 10 },
      content: fx.moduleContent,
    }),
  },
  { method: 'GET', path: '/api/authoring/module-schema.json', permission: 'modules:author', ok: 200 },
  {
    method: 'GET',
    path: '/api/authoring/modules/{moduleId}',
    permission: 'modules:author',
    ok: 200,
    params: (fx) => ({ moduleId: fx.moduleId }),
  },
  {
    method: 'POST',
    path: '/api/authoring/modules/{moduleId}/duplicate',
    permission: 'modules:author',
    ok: 201,
    params: (fx) => ({ moduleId: fx.moduleId }),
  },
  {
    method: 'POST',
    path: '/api/authoring/modules/{moduleId}/archive',
    permission: 'modules:author',
    ok: 200,
    params: (fx) => ({ moduleId: fx.authored.draftModuleId }),
  },
  {
    method: 'POST',
    path: '/api/authoring/modules/{moduleId}/unarchive',
    permission: 'modules:author',
    ok: 200,
    params: (fx) => ({ moduleId: fx.authored.draftModuleId }),
  },
  {
    method: 'PUT',
    path: '/api/authoring/modules/{moduleId}/draft',
    permission: 'modules:author',
    ok: 200,
    params: (fx) => ({ moduleId: fx.authored.draftModuleId }),
    body: (fx) => ({ content: fx.moduleContent, baseRevision: 0 }),
  },
  {
    method: 'POST',
    path: '/api/authoring/modules/{moduleId}/publish',
    permission: 'modules:author',
    ok: 200,
    params: (fx) => ({ moduleId: fx.authored.publishModuleId }),
  },
  {
    method: 'GET',
    path: '/api/authoring/modules/{moduleId}/versions',
    permission: 'modules:author',
    ok: 200,
    params: (fx) => ({ moduleId: fx.moduleId }),
  },
  {
    method: 'GET',
    path: '/api/authoring/modules/{moduleId}/diff',
    permission: 'modules:author',
    ok: 200,
    params: (fx) => ({ moduleId: fx.moduleId }),
    query: () => 'from=1&to=1',
  },
  {
    method: 'GET',
    path: '/api/authoring/modules/{moduleId}/versions/{version}/export',
    permission: 'modules:author',
    ok: 200,
    params: (fx) => ({ moduleId: fx.moduleId, version: '1' }),
  },
  {
    method: 'POST',
    path: '/api/authoring/media',
    permission: 'modules:author',
    ok: 201,
    upload: { filename: 'photo.png', contentType: 'image/png', data: PNG },
  },
  {
    method: 'GET',
    path: '/api/media/{mediaId}',
    permission: 'modules:read',
    ok: 200,
    params: (fx) => ({ mediaId: fx.mediaId }),
  },
  { method: 'GET', path: '/api/provisioning/tokens', permission: 'identity:manage', ok: 200 },
  {
    method: 'POST',
    path: '/api/provisioning/tokens',
    permission: 'identity:manage',
    ok: 201,
    body: () => ({ name: `Table token ${++tableNames}` }),
  },
  {
    method: 'POST',
    path: '/api/provisioning/tokens/{tokenId}/revoke',
    permission: 'identity:manage',
    ok: 200,
    params: (fx) => ({ tokenId: fx.scimTokenId }),
  },
];

/** Every /scim/v2 operation: documented with the `scim` bearer scheme, none reachable by a session. */
const SCIM_ROUTES: RouteCase[] = [
  ...['Users', 'Groups'].flatMap((resource): RouteCase[] => [
    { method: 'GET', path: `/scim/v2/${resource}`, permission: 'scim-token', ok: 401 },
    { method: 'POST', path: `/scim/v2/${resource}`, permission: 'scim-token', ok: 401, body: () => ({}) },
    ...(['GET', 'PUT', 'PATCH', 'DELETE'] as const).map((method): RouteCase => ({
      method,
      path: `/scim/v2/${resource}/{id}`,
      permission: 'scim-token',
      ok: 401,
      params: (fx) => ({ id: fx.users.employee.id }),
      body: method === 'PUT' || method === 'PATCH' ? () => ({}) : undefined,
    })),
  ]),
  { method: 'GET', path: '/scim/v2/ServiceProviderConfig', permission: 'scim-token', ok: 401 },
  { method: 'GET', path: '/scim/v2/ResourceTypes', permission: 'scim-token', ok: 401 },
  {
    method: 'GET',
    path: '/scim/v2/ResourceTypes/{id}',
    permission: 'scim-token',
    ok: 401,
    params: () => ({ id: 'User' }),
  },
  { method: 'GET', path: '/scim/v2/Schemas', permission: 'scim-token', ok: 401 },
  {
    method: 'GET',
    path: '/scim/v2/Schemas/{id}',
    permission: 'scim-token',
    ok: 401,
    params: () => ({ id: 'urn:ietf:params:scim:schemas:core:2.0:User' }),
  },
];
ROUTES.push(...SCIM_ROUTES);

const PUBLIC_ROUTES = [
  'GET /api/health',
  'GET /api/health/live',
  'GET /api/health/ready',
  'POST /api/auth/login',
  'GET /api/auth/session',
  'POST /api/auth/password/forgot',
  'POST /api/auth/password/token',
  'POST /api/auth/password/set',
  'POST /api/auth/sso/discover',
  'GET /api/auth/sso/{slug}/start',
  'GET /api/auth/sso/callback',
  'POST /api/auth/login/second-factor',
  'POST /api/auth/login/enrol',
  'POST /api/auth/login/enrol/confirm',
  'GET /api/verify/{code}',
];

function expectedFor(route: RouteCase, who: Caller): { status: number; code?: string } {
  if (route.permission === 'public')
    return who === 'anonymous' ? { status: route.anonymous! } : { status: route.ok };
  if (route.permission === 'scim-token') return { status: 401 };
  if (who === 'anonymous') return { status: 401, code: 'unauthenticated' };
  return ROLE_PERMISSIONS[who].includes(route.permission)
    ? { status: route.ok }
    : { status: 403, code: 'forbidden' };
}

const CASES = ROUTES.flatMap((route) =>
  CALLERS.map((who) => {
    const e = expectedFor(route, who);
    const name = `${route.method} ${route.path} as ${who} (${route.permission}) → ${e.status}${e.code ? ` ${e.code}` : ''}`;
    return [name, route, who, e] as const;
  }),
);

describe('permissions', () => {
  let ctx: TestContext;
  let fx: Fixture;

  async function contentOf(attemptId: string): Promise<ModuleContent> {
    const [attempt] = await ctx.dataSource.query<{ module_version_id: string }[]>(
      `SELECT module_version_id FROM attempt WHERE id = $1`,
      [attemptId],
    );
    const [version] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
      `SELECT content FROM module_version WHERE id = $1`,
      [attempt!.module_version_id],
    );
    return version!.content;
  }

  async function preparePlay(client: Client, moduleIds: string[]): Promise<PlayFixture> {
    const assignmentId = await ctx.assign(client.user, moduleIds[0]!);
    const quizAssignmentId = await ctx.assign(client.user, moduleIds[1]!);
    const started = (await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200))
      .body as AttemptState;

    let state = (await client.post(`/api/me/assignments/${quizAssignmentId}/attempts`).expect(200))
      .body as AttemptState;
    const content = await contentOf(state.attemptId);
    state = await playToEnding(client, state, content);
    expect(state.phase).toBe('quiz');
    return {
      assignmentId,
      attemptId: started.attemptId,
      firstChoiceId: started.step.choices[0]!.id,
      quizAttemptId: state.attemptId,
      // Any complete answer is a valid submission; these are the first option of each question.
      quizAnswers: Object.fromEntries(state.quiz!.questions.map((q) => [q.id, [q.options[0]!.id]])),
    };
  }

  /** Completes modules 3 and 4 as this learner; the second one's certificate is revoked. */
  async function prepareCertificates(
    client: Client,
    moduleIds: string[],
  ): Promise<Fixture['certificates'][Role]> {
    const done: { assignmentId: string; id: string; code: string }[] = [];
    for (const moduleId of [moduleIds[2]!, moduleIds[3]!]) {
      const assignmentId = await ctx.assign(client.user, moduleId);
      const state = (await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200))
        .body as AttemptState;
      expect((await playToPass(client, state, await contentOf(state.attemptId))).phase).toBe('passed');
      const [certificate] = await ctx.dataSource.query<{ id: string; code: string }[]>(
        `SELECT ce.id, ce.code FROM certificate ce JOIN completion c ON c.id = ce.completion_id WHERE c.assignment_id = $1`,
        [assignmentId],
      );
      done.push({ assignmentId, ...certificate! });
    }
    await ctx.dataSource.query(
      `UPDATE certificate SET revoked_at = now(), revoke_reason = 'Fixture' WHERE id = $1`,
      [done[1]!.id],
    );
    return { ...done[0]!, revokedId: done[1]!.id };
  }

  beforeAll(async () => {
    ctx = await TestContext.create();
    const team = await ctx.newTeam();
    const users = { employee: team.employee, officer: team.officer, admin: team.admin };
    const clients = Object.fromEntries(
      await Promise.all(ROLES.map(async (r) => [r, await ctx.login(users[r])] as const)),
    ) as Record<Role, Client>;
    const moduleIds = await ctx.moduleIds(team.org.id);
    const play = Object.fromEntries(
      await Promise.all(ROLES.map(async (r) => [r, await preparePlay(clients[r], moduleIds)] as const)),
    ) as Record<Role, PlayFixture>;
    const reports = Object.fromEntries(
      await Promise.all(
        ROLES.map(async (r) => {
          const res = await clients[r]
            .post('/api/approaches/reports', {
              platform: 'LinkedIn',
              replied: false,
              messageText: 'We would cover your flights and hotel.',
              idempotencyKey: `fixture-${r}-report`,
            })
            .expect(201);
          return [r, res.body as MyReportView] as const;
        }),
      ),
    ) as Record<Role, MyReportView>;
    const attachments = Object.fromEntries(
      await Promise.all(
        ROLES.map(async (r) => {
          const res = await clients[r]
            .post(`/api/approaches/reports/${reports[r].id}/attachments`)
            .attach('file', PNG, { filename: 'fixture.png', contentType: 'image/png' })
            .expect(201);
          return [r, res.body as AttachmentView] as const;
        }),
      ),
    ) as Record<Role, AttachmentView>;
    const notifications = Object.fromEntries(
      await Promise.all(
        ROLES.map(async (r) => {
          const [row] = await ctx.dataSource.query<{ id: string }[]>(
            `INSERT INTO notification (organisation_id, user_id, kind, title, link)
             VALUES ($1, $2, 'report-status-changed', 'Fixture', '/') RETURNING id`,
            [team.org.id, users[r].id],
          );
          return [r, row!.id] as const;
        }),
      ),
    ) as Record<Role, string>;
    const authorModule = async (title: string) =>
      (
        (await clients.admin.post('/api/authoring/modules', { title }).expect(201))
          .body as AuthoringModuleDetail
      ).module.id;
    const authored = {
      draftModuleId: await authorModule('Table draft'),
      publishModuleId: await authorModule('Table publish'),
    };
    const media = await clients.admin
      .post('/api/authoring/media')
      .attach('file', PNG, { filename: 'fixture.png', contentType: 'image/png' })
      .expect(201);
    const [v1] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
      `SELECT content FROM module_version WHERE module_id = $1 AND version = 1`,
      [moduleIds[0]],
    );
    fx = {
      users,
      clients,
      play,
      moduleId: moduleIds[0]!,
      reports,
      attachments,
      notifications,
      authored,
      moduleContent: v1!.content,
      mediaId: (media.body as { id: string }).id,
      people: {
        edit: (await ctx.newUser({ organisationId: team.org.id })).id,
        deactivate: (await ctx.newUser({ organisationId: team.org.id })).id,
        reactivate: (await ctx.newUser({ organisationId: team.org.id, active: false })).id,
        invite: (
          (
            await clients.admin
              .post('/api/people', { name: 'Invited Person', email: `invited-${Date.now()}@example.test` })
              .expect(201)
          ).body as { id: string }
        ).id,
      },
      importId: (
        (
          await clients.admin
            .post('/api/people/import/apply')
            .attach('file', Buffer.from('email,name\r\n'), {
              filename: 'people.csv',
              contentType: 'text/csv',
            })
            .expect(200)
        ).body as { importId: string }
      ).importId,
      departments: {
        rename: (await ctx.newDepartment(team.org.id)).id,
        mergeSource: (await ctx.newDepartment(team.org.id)).id,
        mergeInto: (await ctx.newDepartment(team.org.id)).id,
        remove: (await ctx.newDepartment(team.org.id)).id,
      },
      rules: { view: '', edit: '', remove: '' },
      scimTokenId: (
        (await clients.admin.post('/api/provisioning/tokens', { name: 'Table token' }).expect(201)).body as {
          token: { id: string };
        }
      ).token.id,
      failedEmailId: (
        await ctx.dataSource.query<{ id: string }[]>(
          `INSERT INTO outbound_email (organisation_id, recipient_id, from_address, to_address, subject, body_text, status)
           VALUES ($1, $2, 'security@example.org', $3, 'Failed', 'Body', 'failed') RETURNING id`,
          [team.org.id, users.employee.id, users.employee.email],
        )
      )[0]!.id,
      certificates: {} as Fixture['certificates'],
    };
    for (const role of ROLES) fx.certificates[role] = await prepareCertificates(clients[role], moduleIds);
    for (const key of ['view', 'edit', 'remove'] as const)
      fx.rules[key] = (
        (await clients.admin.post('/api/programme/rules', tableRule(fx)).expect(201)).body as {
          rule: { id: string };
        }
      ).rule.id;
  });
  afterAll(() => ctx.close());

  describe('endpoint × role table', () => {
    it.each(CASES)('%s', async (_name, route, who, expected) => {
      const as: Role = who === 'anonymous' ? 'employee' : who;
      const params = route.params?.(fx, as) ?? {};
      const query = route.query?.(fx, as);
      const url =
        route.path.replace(/\{(\w+)\}/g, (_m, name: string) => params[name]!) + (query ? `?${query}` : '');
      const body = route.body?.(fx, as);

      let req: request.Test;
      if (who === 'anonymous') {
        const http = ctx.http();
        req = { GET: http.get, POST: http.post, PUT: http.put, PATCH: http.patch, DELETE: http.delete }[
          route.method
        ].call(http, url);
      } else {
        const client = route.ownSession ? await ctx.login(fx.users[who]) : fx.clients[who];
        req = {
          GET: client.get,
          POST: client.post,
          PUT: client.put,
          PATCH: client.patch,
          DELETE: client.delete,
        }[route.method](url);
      }
      if (route.upload) {
        const { data, filename, contentType } = route.upload;
        req = req.attach('file', data, { filename, contentType });
      } else if (body) req = req.send(body);
      const res: request.Response = await req;

      const outcome = { status: res.status, code: (res.body as { code?: string } | undefined)?.code };
      if (route.permission === 'scim-token') {
        // A session (or nothing) on /scim/v2: SCIM's own 401, never the route's work.
        expect({ status: res.status, body: res.body as unknown }).toEqual({
          status: 401,
          body: {
            schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
            status: '401',
            detail: expect.any(String),
          },
        });
      } else if (expected.code) {
        expect(outcome).toEqual({ status: expected.status, code: expected.code });
        expect(res.body).toMatchObject({ statusCode: expected.status, message: expect.any(String) });
      } else {
        // Report the error body when an allowed call fails, not just its status.
        expect({
          status: res.status,
          ...(res.status === expected.status ? {} : { body: res.body as unknown }),
        }).toEqual({
          status: expected.status,
        });
      }
    });

    it('grants each role exactly the permissions the role map gives it, as reported by the session', async () => {
      for (const role of ROLES) {
        const res = await fx.clients[role].get('/api/auth/session').expect(200);
        expect([...(res.body as { permissions: string[] }).permissions].sort()).toEqual(
          [...ROLE_PERMISSIONS[role]].sort(),
        );
      }
    });

    it('covers every documented route, each with the permission the table states', async () => {
      const doc = (await ctx.http().get('/api/docs-json').expect(200)).body as OpenApiDoc;
      const documented = operations(doc)
        .map((o) => `${o.method} ${o.path} → ${o.permission}`)
        .sort();
      const tabled = ROUTES.map((r) => `${r.method} ${r.path} → ${r.permission}`).sort();
      expect(tabled).toEqual(documented);
      expect(
        ROUTES.filter((r) => r.permission === 'public')
          .map((r) => `${r.method} ${r.path}`)
          .sort(),
      ).toEqual([...PUBLIC_ROUTES].sort());
    });
  });

  describe('route snapshot', () => {
    // A change here is a change to who can reach what: review it as a security change.
    it('lists every operation with the permission it requires', async () => {
      const doc = (await ctx.http().get('/api/docs-json').expect(200)).body as OpenApiDoc;
      const snapshot = operations(doc)
        .map((o) => `${o.method} ${o.path} → ${o.permission}`)
        .sort();
      expect(snapshot).toEqual([
        'DELETE /api/approaches/rules → approaches:rules',
        'DELETE /api/departments/{departmentId} → people:manage',
        'DELETE /api/programme/rules/{ruleId} → assignments:manage',
        'DELETE /api/programme/templates/{kind} → assignments:manage',
        'DELETE /scim/v2/Groups/{id} → scim-token',
        'DELETE /scim/v2/Users/{id} → scim-token',
        'GET /api/approaches/attachments/{attachmentId} → approaches:report',
        'GET /api/approaches/questions → approaches:report',
        'GET /api/approaches/reports → approaches:triage',
        'GET /api/approaches/reports/mine → approaches:report',
        'GET /api/approaches/reports/mine/{reportId} → approaches:report',
        'GET /api/approaches/reports/{reportId} → approaches:triage',
        'GET /api/approaches/reports/{reportId}/export → approaches:triage',
        'GET /api/approaches/rules → approaches:rules',
        'GET /api/approaches/stats → approaches:triage',
        'GET /api/audit → approaches:triage',
        'GET /api/audit/events → audit:read',
        'GET /api/audit/events.csv → audit:read',
        'GET /api/auth/second-factor → account:self',
        'GET /api/auth/session → public',
        'GET /api/auth/sso/callback → public',
        'GET /api/auth/sso/{slug}/start → public',
        'GET /api/authoring/module-schema.json → modules:author',
        'GET /api/authoring/modules → modules:author',
        'GET /api/authoring/modules/{moduleId} → modules:author',
        'GET /api/authoring/modules/{moduleId}/diff → modules:author',
        'GET /api/authoring/modules/{moduleId}/versions → modules:author',
        'GET /api/authoring/modules/{moduleId}/versions/{version}/export → modules:author',
        'GET /api/certificates → progress:read',
        'GET /api/certificates/zip → progress:read',
        'GET /api/certificates/{certificateId}/pdf → progress:read',
        'GET /api/departments → directory:read',
        'GET /api/health → public',
        'GET /api/health/live → public',
        'GET /api/health/ready → public',
        'GET /api/me/assignments → training:play',
        'GET /api/me/assignments/{assignmentId}/certificate → training:play',
        'GET /api/me/attempts/{attemptId} → training:play',
        'GET /api/me/certificates → training:play',
        'GET /api/media/{mediaId} → modules:read',
        'GET /api/modules → modules:read',
        'GET /api/notifications → account:self',
        'GET /api/people → directory:read',
        'GET /api/people/import/template → people:manage',
        'GET /api/people/imports/{importId}/result → people:manage',
        'GET /api/people/invitations/settings → people:manage',
        'GET /api/people/{userId} → directory:read',
        'GET /api/people/{userId}/second-factor → people:manage',
        'GET /api/programme/outbox → progress:read',
        'GET /api/programme/rules → progress:read',
        'GET /api/programme/rules/{ruleId} → progress:read',
        'GET /api/programme/templates → assignments:manage',
        'GET /api/progress → progress:read',
        'GET /api/progress/compliance-report.pdf → progress:read',
        'GET /api/progress/export.csv → progress:read',
        'GET /api/progress/overview → progress:read',
        'GET /api/progress/people/{userId} → progress:read',
        'GET /api/progress/trends → progress:read',
        'GET /api/provisioning/tokens → identity:manage',
        'GET /api/red-flags → modules:read',
        'GET /api/settings → audit:read',
        'GET /api/sso → identity:manage',
        'GET /api/users → directory:read',
        'GET /api/verify/{code} → public',
        'GET /scim/v2/Groups → scim-token',
        'GET /scim/v2/Groups/{id} → scim-token',
        'GET /scim/v2/ResourceTypes → scim-token',
        'GET /scim/v2/ResourceTypes/{id} → scim-token',
        'GET /scim/v2/Schemas → scim-token',
        'GET /scim/v2/Schemas/{id} → scim-token',
        'GET /scim/v2/ServiceProviderConfig → scim-token',
        'GET /scim/v2/Users → scim-token',
        'GET /scim/v2/Users/{id} → scim-token',
        'PATCH /scim/v2/Groups/{id} → scim-token',
        'PATCH /scim/v2/Users/{id} → scim-token',
        'POST /api/approaches/check → approaches:report',
        'POST /api/approaches/reports → approaches:report',
        'POST /api/approaches/reports/{reportId}/assign → approaches:triage',
        'POST /api/approaches/reports/{reportId}/attachments → approaches:report',
        'POST /api/approaches/reports/{reportId}/notes → approaches:triage',
        'POST /api/approaches/reports/{reportId}/status → approaches:triage',
        'POST /api/assignments → assignments:manage',
        'POST /api/auth/login → public',
        'POST /api/auth/login/enrol → public',
        'POST /api/auth/login/enrol/confirm → public',
        'POST /api/auth/login/second-factor → public',
        'POST /api/auth/logout → account:self',
        'POST /api/auth/password/change → account:self',
        'POST /api/auth/password/forgot → public',
        'POST /api/auth/password/set → public',
        'POST /api/auth/password/token → public',
        'POST /api/auth/second-factor/confirm → account:self',
        'POST /api/auth/second-factor/enrol → account:self',
        'POST /api/auth/second-factor/recovery-codes → account:self',
        'POST /api/auth/second-factor/remove → account:self',
        'POST /api/auth/sso/discover → public',
        'POST /api/authoring/media → modules:author',
        'POST /api/authoring/modules → modules:author',
        'POST /api/authoring/modules/import → modules:author',
        'POST /api/authoring/modules/{moduleId}/archive → modules:author',
        'POST /api/authoring/modules/{moduleId}/duplicate → modules:author',
        'POST /api/authoring/modules/{moduleId}/publish → modules:author',
        'POST /api/authoring/modules/{moduleId}/unarchive → modules:author',
        'POST /api/certificates/{certificateId}/reinstate → certificates:revoke',
        'POST /api/certificates/{certificateId}/revoke → certificates:revoke',
        'POST /api/departments → people:manage',
        'POST /api/departments/{departmentId}/merge → people:manage',
        'POST /api/me/assignments/{assignmentId}/attempts → training:play',
        'POST /api/me/attempts/{attemptId}/choices → training:play',
        'POST /api/me/attempts/{attemptId}/debrief-review → training:play',
        'POST /api/me/attempts/{attemptId}/quiz → training:play',
        'POST /api/notifications/read-all → account:self',
        'POST /api/notifications/{notificationId}/read → account:self',
        'POST /api/people → people:manage',
        'POST /api/people/import/apply → people:manage',
        'POST /api/people/import/preview → people:manage',
        'POST /api/people/{userId}/deactivate → people:manage',
        'POST /api/people/{userId}/invitation → people:manage',
        'POST /api/people/{userId}/reactivate → people:manage',
        'POST /api/people/{userId}/second-factor/reset → people:manage',
        'POST /api/programme/outbox/{emailId}/retry → assignments:manage',
        'POST /api/programme/rules → assignments:manage',
        'POST /api/programme/rules/preview → assignments:manage',
        'POST /api/programme/templates/{kind}/preview → assignments:manage',
        'POST /api/provisioning/tokens → identity:manage',
        'POST /api/provisioning/tokens/{tokenId}/revoke → identity:manage',
        'POST /scim/v2/Groups → scim-token',
        'POST /scim/v2/Users → scim-token',
        'PUT /api/approaches/rules → approaches:rules',
        'PUT /api/authoring/modules/{moduleId}/draft → modules:author',
        'PUT /api/departments/{departmentId} → people:manage',
        'PUT /api/people/{userId} → people:manage',
        'PUT /api/programme/rules/{ruleId} → assignments:manage',
        'PUT /api/programme/templates/{kind} → assignments:manage',
        'PUT /api/settings → settings:manage',
        'PUT /api/sso → identity:manage',
        'PUT /scim/v2/Groups/{id} → scim-token',
        'PUT /scim/v2/Users/{id} → scim-token',
      ]);
    });

    it('describes every operation as either requiring one known permission or needing no session', async () => {
      const doc = (await ctx.http().get('/api/docs-json').expect(200)).body as OpenApiDoc;
      const all = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({
          route: `${method.toUpperCase()} ${path}`,
          description: op.description,
        })),
      );
      expect(all.length).toBeGreaterThan(0);
      const pattern =
        /^(?:Requires permission `([a-z:]+)`\.|No session required\.|Requires a SCIM bearer token\.)$/;
      const odd = all.filter((o) => {
        const m = pattern.exec(o.description ?? '');
        return !m || (m[1] !== undefined && !(PERMISSIONS as readonly string[]).includes(m[1]));
      });
      expect(odd).toEqual([]);
      const publicOps = all.filter((o) => o.description === 'No session required.').map((o) => o.route);
      expect(publicOps.sort()).toEqual([...PUBLIC_ROUTES].sort());
    });
  });

  describe('own training only', () => {
    it('answers 404 when a learner reaches for a colleague’s assignment or attempt, and changes nothing', async () => {
      const employee = fx.clients.employee;
      const theirs = fx.play.officer;
      const eventsBefore = await eventCount();
      const calls = [
        employee.post(`/api/me/assignments/${theirs.assignmentId}/attempts`),
        employee.get(`/api/me/attempts/${theirs.attemptId}`),
        employee.post(`/api/me/attempts/${theirs.attemptId}/choices`, {
          seq: 1,
          choiceId: theirs.firstChoiceId,
        }),
        employee.post(`/api/me/attempts/${theirs.quizAttemptId}/quiz`, {
          round: 2,
          answers: theirs.quizAnswers,
        }),
        employee.post(`/api/me/attempts/${theirs.quizAttemptId}/debrief-review`),
      ];
      for (const res of await Promise.all(calls)) {
        expect({ status: res.status, code: (res.body as { code: string }).code }).toEqual({
          status: 404,
          code: 'not_found',
        });
      }
      expect(await eventCount()).toBe(eventsBefore);
      const mine = (await employee.get('/api/me/assignments').expect(200)).body as { assignmentId: string }[];
      expect(mine.map((a) => a.assignmentId)).not.toContain(theirs.assignmentId);
    });
  });

  describe('CSRF', () => {
    it('refuses a POST without the X-CSRF-Token header even with a valid session, and changes nothing', async () => {
      const admin = fx.clients.admin;
      const before = await assignmentCount();
      const other = await ctx.newUser({ organisationId: fx.users.admin.organisationId });
      const res = await admin
        .post('/api/assignments')
        .unset('X-CSRF-Token')
        .send({ moduleId: fx.moduleId, dueDate: '2099-12-31', userIds: [other.id] })
        .expect(403);
      expect(res.body).toEqual({ statusCode: 403, code: 'csrf_failed', message: expect.any(String) });
      expect(await assignmentCount()).toBe(before);

      // The same request with the header goes through, so the session itself was fine.
      await admin
        .post('/api/assignments', { moduleId: fx.moduleId, dueDate: '2099-12-31', userIds: [other.id] })
        .expect(201);
      expect(await assignmentCount()).toBe(before + 1);
    });

    it('refuses a learner POST without the header, and a wrong or another session’s token', async () => {
      const employee = fx.clients.employee;
      const url = `/api/me/assignments/${fx.play.employee.assignmentId}/attempts`;
      const missing = await employee.post(url).unset('X-CSRF-Token').expect(403);
      expect(missing.body.code).toBe('csrf_failed');
      const wrong = await employee.post(url).set('X-CSRF-Token', 'not-the-token').expect(403);
      expect(wrong.body.code).toBe('csrf_failed');
      const stolen = await employee
        .post(url)
        .set('X-CSRF-Token', fx.clients.officer.session.csrfToken)
        .expect(403);
      expect(stolen.body.code).toBe('csrf_failed');
      const empty = await employee.post(url).set('X-CSRF-Token', '').expect(403);
      expect(empty.body.code).toBe('csrf_failed');
    });

    it('does not sign out on a logout POST without the header', async () => {
      const client = await ctx.login(fx.users.officer);
      const res = await client.post('/api/auth/logout').unset('X-CSRF-Token').expect(403);
      expect(res.body.code).toBe('csrf_failed');
      await client.get('/api/auth/session').expect(200);
      await client.post('/api/auth/logout').expect(200);
      await client.get('/api/auth/session').expect(401);
      const after = await client.get('/api/me/assignments').expect(401);
      expect(after.body.code).toBe('unauthenticated');
    });
  });

  async function eventCount(): Promise<number> {
    const [row] = await ctx.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM attempt_event`);
    return row!.n;
  }

  async function assignmentCount(): Promise<number> {
    const [row] = await ctx.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM assignment`);
    return row!.n;
  }
});

interface OpenApiDoc {
  paths: Record<string, Record<string, { description?: string }>>;
}

/** Every operation with the permission its description states (`public` for "No session required."). */
function operations(doc: OpenApiDoc): { method: string; path: string; permission: string }[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const description = op.description ?? '';
      const required = /^Requires permission `([^`]+)`\.$/.exec(description);
      const permission = required
        ? required[1]!
        : description === 'No session required.'
          ? 'public'
          : description === 'Requires a SCIM bearer token.'
            ? 'scim-token'
            : `UNDESCRIBED: ${description}`;
      return { method: method.toUpperCase(), path, permission };
    }),
  );
}
