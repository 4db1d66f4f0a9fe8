import { DEFAULT_RULES } from '@countersign/approach-checker';
import type {
  AuditAction,
  AuditEventsPage,
  AuditEventView,
  AuditSubjectType,
} from '@countersign/contracts/audit';
import type { AuthoringModuleDetail } from '@countersign/contracts/authoring';
import type { ModuleContent } from '@countersign/scenario-engine';
import { parse } from 'csv-parse/sync';
import { Clock } from '../src/common/clock.js';
import { AUDIT_RETENTION_JOB } from '../src/modules/audit/audit-retention.service.js';
import { defuseCell } from '../src/common/csv-cell.js';
import { JobQueue } from '../src/modules/jobs/job-queue.service.js';
import { TestContext, type Client, type TestUser } from './test-app.js';

/**
 * The audit log: every officer and administrator action writes exactly one event with its before
 * and after; the table refuses rewriting and deleting; the audit page filters and pages by keyset
 * without gaps or repeats; its CSV is the same list, defused against formula injection; and the
 * retention job deletes only what each organisation's retention allows.
 */
describe('audit log', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create({ MAIL_FROM: 'security@example.org' });
  });
  afterAll(() => ctx.close());

  interface StoredEvent {
    id: string;
    actor_id: string | null;
    action: AuditAction;
    subject_type: AuditSubjectType;
    subject_id: string | null;
    details: Record<string, unknown>;
  }

  const lastEventId = async (organisationId: string) =>
    (
      await ctx.dataSource.query<{ id: string | null }[]>(
        `SELECT max(id)::text AS id FROM audit_event WHERE organisation_id = $1`,
        [organisationId],
      )
    )[0]!.id ?? '0';

  const eventsSince = (organisationId: string, id: string) =>
    ctx.dataSource.query<StoredEvent[]>(
      `SELECT e.id::text AS id, e.actor_id, e.action, e.subject_type, e.subject_id, e.details FROM audit_event e
        WHERE e.organisation_id = $1 AND e.id > $2 ORDER BY e.id`,
      [organisationId, id],
    );

  const id = (res: { body: unknown }) => (res.body as { id: string }).id;

  /** A real 1×1 PNG. */
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );

  /** Inserts an event as it would have been written `ago` milliseconds ago (fixtures for time). */
  const insertEvent = async (
    organisationId: string,
    over: {
      at?: string;
      actorId?: string | null;
      action?: string;
      subjectType?: string;
      subjectId?: string | null;
      details?: object;
    } = {},
  ) =>
    (
      await ctx.dataSource.query<{ id: string }[]>(
        `INSERT INTO audit_event (organisation_id, actor_id, action, subject_type, subject_id, at, details)
         VALUES ($1, $2, $3, $4, $5, coalesce($6::timestamptz, now()), $7) RETURNING id::text`,
        [
          organisationId,
          over.actorId ?? null,
          over.action ?? 'person.updated',
          over.subjectType ?? 'person',
          over.subjectId ?? null,
          over.at ?? null,
          over.details ?? {},
        ],
      )
    )[0]!.id;

  describe('every officer and administrator action writes exactly one event', () => {
    interface Fixture {
      admin: Client;
      officer: Client;
      employee: TestUser;
      orgId: string;
      departmentId: string;
      publishedModuleId: string;
      otherPublishedModuleId: string;
      v1Content: ModuleContent;
      /** Filled as the table runs: later rows use what earlier rows made. */
      made: Record<string, string>;
    }
    let fx: Fixture;

    beforeAll(async () => {
      const team = await ctx.newTeam();
      const [publishedModuleId, otherPublishedModuleId] = await ctx.moduleIds(team.org.id);
      const [v1] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
        `SELECT content FROM module_version WHERE module_id = $1 AND version = 1`,
        [otherPublishedModuleId],
      );
      const employeeClient = await ctx.login(team.employee);
      const report = await employeeClient
        .post('/api/approaches/reports', {
          platform: 'LinkedIn',
          replied: false,
          messageText: 'We would cover your flights and hotel.',
          idempotencyKey: 'audit-log-report',
        })
        .expect(201);
      const [email] = await ctx.dataSource.query<{ id: string }[]>(
        `INSERT INTO outbound_email (organisation_id, recipient_id, from_address, to_address, subject, body_text, status)
         VALUES ($1, $2, 'security@example.org', $3, 'Failed', 'Body', 'failed') RETURNING id`,
        [team.org.id, team.employee.id, team.employee.email],
      );
      fx = {
        admin: await ctx.login(team.admin),
        officer: await ctx.login(team.officer),
        employee: team.employee,
        orgId: team.org.id,
        departmentId: team.department.id,
        publishedModuleId: publishedModuleId!,
        otherPublishedModuleId: otherPublishedModuleId!,
        v1Content: v1!.content,
        made: {
          reportId: (report.body as { id: string }).id,
          emailId: email!.id,
          editPerson: (await ctx.newUser({ organisationId: team.org.id, name: 'Edited Person' })).id,
          mergeInto: (await ctx.newDepartment(team.org.id, 'Merge target')).id,
        },
      };
    });

    interface Case {
      action: AuditAction;
      by: 'admin' | 'officer';
      subjectType: AuditSubjectType;
      /** Does it through the HTTP API; answers the id of the event's subject. */
      act: (fx: Fixture, as: Client) => Promise<string | null>;
      /** What details.before and details.after must be (a change), or undefined (not a change). */
      change?: (fx: Fixture) => { before: unknown; after: unknown } | { from: unknown; to: unknown };
      /** Events the action causes besides its own (e.g. the invitation of a new person). */
      consequences?: AuditAction[];
    }

    const CASES: Case[] = [
      {
        action: 'person.created',
        by: 'admin',
        subjectType: 'person',
        act: async (f, as) =>
          (f.made.person = id(
            await as
              .post('/api/people', { name: 'New Starter', email: 'new.starter@example.test' })
              .expect(201),
          )),
        change: () => ({
          before: null,
          after: expect.objectContaining({ name: 'New Starter', active: true }),
        }),
        consequences: ['person.invited'],
      },
      {
        action: 'person.updated',
        by: 'admin',
        subjectType: 'person',
        act: async (f, as) => {
          await as
            .put(`/api/people/${f.made.editPerson}`, { jobTitle: 'Analyst', role: 'officer' })
            .expect(200);
          return f.made.editPerson!;
        },
        change: () => ({
          before: { jobTitle: null, role: 'employee' },
          after: { jobTitle: 'Analyst', role: 'officer' },
        }),
      },
      {
        action: 'person.deactivated',
        by: 'admin',
        subjectType: 'person',
        act: async (f, as) => {
          await as.post(`/api/people/${f.made.editPerson}/deactivate`).expect(200);
          return f.made.editPerson!;
        },
        change: () => ({ before: { active: true }, after: { active: false } }),
      },
      {
        action: 'person.reactivated',
        by: 'admin',
        subjectType: 'person',
        act: async (f, as) => {
          await as.post(`/api/people/${f.made.editPerson}/reactivate`).expect(200);
          return f.made.editPerson!;
        },
        change: () => ({ before: { active: false }, after: { active: true } }),
      },
      {
        action: 'people.imported',
        by: 'admin',
        subjectType: 'people_import',
        act: async (_f, as) =>
          (
            (
              await as
                .post('/api/people/import/apply')
                .attach('file', Buffer.from('email,name\r\nimported.one@example.test,Imported One\r\n'), {
                  filename: 'people.csv',
                  contentType: 'text/csv',
                })
                .expect(200)
            ).body as { importId: string }
          ).importId,
        consequences: ['person.created', 'person.invited'],
      },
      {
        action: 'department.created',
        by: 'admin',
        subjectType: 'department',
        act: async (f, as) =>
          (f.made.department = id(await as.post('/api/departments', { name: 'Research' }).expect(201))),
        change: () => ({ before: null, after: { name: 'Research' } }),
      },
      {
        action: 'department.renamed',
        by: 'admin',
        subjectType: 'department',
        act: async (f, as) => {
          await as
            .put(`/api/departments/${f.made.department}`, { name: 'Research & Development' })
            .expect(200);
          return f.made.department!;
        },
        change: () => ({ before: { name: 'Research' }, after: { name: 'Research & Development' } }),
      },
      {
        action: 'department.merged',
        by: 'admin',
        subjectType: 'department',
        act: async (f, as) => {
          await as
            .post(`/api/departments/${f.made.department}/merge`, { intoDepartmentId: f.made.mergeInto })
            .expect(200);
          return f.made.department!;
        },
        change: () => ({ before: { name: 'Research & Development' }, after: null }),
      },
      {
        action: 'department.deleted',
        by: 'admin',
        subjectType: 'department',
        act: async (f, as) => {
          await as.delete(`/api/departments/${f.made.mergeInto}`).expect(204);
          return f.made.mergeInto!;
        },
        change: () => ({ before: { name: 'Merge target' }, after: null }),
      },
      {
        action: 'module.created',
        by: 'admin',
        subjectType: 'training_module',
        act: async (f, as) =>
          (f.made.module = (
            (
              await as
                .post('/api/authoring/modules', {
                  title: 'Phone approaches',
                  summary: 'Calls',
                  estimatedMinutes: 5,
                })
                .expect(201)
            ).body as AuthoringModuleDetail
          ).module.id),
        change: () => ({
          before: null,
          after: { title: 'Phone approaches', summary: 'Calls', estimatedMinutes: 5 },
        }),
      },
      {
        action: 'module.published',
        by: 'admin',
        subjectType: 'training_module',
        act: async (f, as) => {
          await as
            .post(`/api/authoring/modules/${f.made.module}/publish`, { note: 'First version' })
            .expect(200);
          return f.made.module!;
        },
      },
      {
        action: 'module.draft-created',
        by: 'admin',
        subjectType: 'training_module',
        act: async (f, as) => {
          await as
            .put(`/api/authoring/modules/${f.otherPublishedModuleId}/draft`, {
              content: f.v1Content,
              baseRevision: null,
            })
            .expect(200);
          return f.otherPublishedModuleId;
        },
      },
      {
        action: 'module.archived',
        by: 'admin',
        subjectType: 'training_module',
        act: async (f, as) => {
          await as.post(`/api/authoring/modules/${f.made.module}/archive`).expect(200);
          return f.made.module!;
        },
        change: () => ({ before: { archived: false }, after: { archived: true } }),
      },
      {
        action: 'module.unarchived',
        by: 'admin',
        subjectType: 'training_module',
        act: async (f, as) => {
          await as.post(`/api/authoring/modules/${f.made.module}/unarchive`).expect(200);
          return f.made.module!;
        },
        change: () => ({ before: { archived: true }, after: { archived: false } }),
      },
      {
        action: 'media.uploaded',
        by: 'admin',
        subjectType: 'media_asset',
        act: async (_f, as) =>
          id(
            await as
              .post('/api/authoring/media')
              .attach('file', PNG, { filename: 'photo.png', contentType: 'image/png' })
              .expect(201),
          ),
      },
      {
        action: 'assignments.created',
        by: 'admin',
        subjectType: 'training_module',
        act: async (f, as) => {
          await as
            .post('/api/assignments', {
              moduleId: f.publishedModuleId,
              dueDate: '2099-12-31',
              userIds: [f.employee.id],
            })
            .expect(201);
          return f.publishedModuleId;
        },
      },
      {
        action: 'rule.created',
        by: 'admin',
        subjectType: 'assignment_rule',
        act: async (f, as) =>
          (f.made.rule = (
            (
              await as
                .post('/api/programme/rules', {
                  name: 'Annual refresh',
                  moduleId: f.publishedModuleId,
                  due: { kind: 'relative', days: 30 },
                })
                .expect(201)
            ).body as { rule: { id: string } }
          ).rule.id),
        change: () => ({ before: null, after: expect.objectContaining({ name: 'Annual refresh' }) }),
      },
      {
        action: 'rule.updated',
        by: 'admin',
        subjectType: 'assignment_rule',
        act: async (f, as) => {
          await as
            .put(`/api/programme/rules/${f.made.rule}`, {
              name: 'Annual refresh (all staff)',
              moduleId: f.publishedModuleId,
              due: { kind: 'relative', days: 30 },
            })
            .expect(200);
          return f.made.rule!;
        },
        change: () => ({ before: { name: 'Annual refresh' }, after: { name: 'Annual refresh (all staff)' } }),
      },
      {
        action: 'rule.deleted',
        by: 'admin',
        subjectType: 'assignment_rule',
        act: async (f, as) => {
          await as.delete(`/api/programme/rules/${f.made.rule}`).expect(200);
          return f.made.rule!;
        },
        change: () => ({
          before: expect.objectContaining({ name: 'Annual refresh (all staff)' }),
          after: null,
        }),
      },
      {
        action: 'template.updated',
        by: 'admin',
        subjectType: 'email_template',
        act: async (_f, as) => {
          await as
            .put('/api/programme/templates/reminder', {
              subject: 'Due soon, {{person.name}}',
              body: '{{#items}}{{module}}{{/items}}',
            })
            .expect(200);
          return null;
        },
        change: () => ({
          before: expect.objectContaining({ subject: expect.any(String) }),
          after: { subject: 'Due soon, {{person.name}}', body: '{{#items}}{{module}}{{/items}}' },
        }),
      },
      {
        action: 'template.reset',
        by: 'admin',
        subjectType: 'email_template',
        act: async (_f, as) => {
          await as.delete('/api/programme/templates/reminder').expect(200);
          return null;
        },
        change: () => ({
          before: { subject: 'Due soon, {{person.name}}', body: '{{#items}}{{module}}{{/items}}' },
          after: expect.objectContaining({ subject: expect.any(String) }),
        }),
      },
      {
        action: 'email.retried',
        by: 'admin',
        subjectType: 'outbound_email',
        act: async (f, as) => {
          await as.post(`/api/programme/outbox/${f.made.emailId}/retry`).expect(200);
          return f.made.emailId!;
        },
        change: () => ({ before: { status: 'failed' }, after: { status: 'pending' } }),
      },
      {
        action: 'rules.updated',
        by: 'admin',
        subjectType: 'approach_rules',
        act: async (f, as) => {
          await as.put('/api/approaches/rules', { ...DEFAULT_RULES, version: 2 }).expect(200);
          return f.orgId;
        },
        change: () => ({
          before: expect.objectContaining({ version: DEFAULT_RULES.version }),
          after: expect.objectContaining({ version: 2 }),
        }),
      },
      {
        action: 'report.assigned',
        by: 'officer',
        subjectType: 'approach_report',
        act: async (f, as) => {
          await as
            .post(`/api/approaches/reports/${f.made.reportId}/assign`, { assigneeId: as.user.id })
            .expect(200);
          return f.made.reportId!;
        },
        // Triage events name the change as from/to (the report's trail has always read them so).
        change: (f) => ({ from: null, to: f.officer.user.id }),
      },
      {
        action: 'report.status-changed',
        by: 'officer',
        subjectType: 'approach_report',
        act: async (f, as) => {
          await as
            .post(`/api/approaches/reports/${f.made.reportId}/status`, { status: 'in-review' })
            .expect(200);
          return f.made.reportId!;
        },
        change: () => ({ from: 'new', to: 'in-review' }),
      },
      {
        action: 'report.note-added',
        by: 'officer',
        subjectType: 'approach_report',
        act: async (f, as) => {
          await as
            .post(`/api/approaches/reports/${f.made.reportId}/notes`, { body: 'Checked the profile.' })
            .expect(201);
          return f.made.reportId!;
        },
      },
      {
        action: 'settings.updated',
        by: 'admin',
        subjectType: 'organisation_settings',
        act: async (f, as) => {
          await as.put('/api/settings', { auditRetentionYears: 10 }).expect(200);
          return f.orgId;
        },
        change: () => ({ before: { auditRetentionYears: 7 }, after: { auditRetentionYears: 10 } }),
      },
      {
        action: 'audit.exported',
        by: 'officer',
        subjectType: 'audit_log',
        act: async (_f, as) => {
          await as.get('/api/audit/events.csv?action=module.published').expect(200);
          return null;
        },
      },
    ];

    it.each(CASES.map((c) => [c.action, c] as const))('%s', async (_name, c) => {
      const as = fx[c.by];
      const since = await lastEventId(fx.orgId);
      const subjectId = await c.act(fx, as);
      const added = await eventsSince(fx.orgId, since);
      const own = added.filter((e) => e.action === c.action);
      expect(own).toHaveLength(1);
      expect(added.filter((e) => e.action !== c.action && !c.consequences?.includes(e.action))).toEqual([]);
      const [event] = own;
      expect(event).toMatchObject({
        actor_id: as.user.id,
        subject_type: c.subjectType,
        subject_id: subjectId,
      });
      if (c.change) {
        const change = c.change(fx);
        const keys = Object.keys(change) as (keyof typeof change)[];
        expect(Object.fromEntries(keys.map((k) => [k, event!.details[k]]))).toEqual(change);
      }
      // The audit page shows it, with its actor, first (newest).
      const page = (await fx.officer.get(`/api/audit/events?action=${c.action}&pageSize=1`).expect(200))
        .body as AuditEventsPage;
      expect(page.items[0]).toMatchObject({ id: event!.id, action: c.action, actor: { id: as.user.id } });
    });

    it('records nothing for a save that changes nothing', async () => {
      const since = await lastEventId(fx.orgId);
      await fx.admin.put('/api/settings', { auditRetentionYears: 10 }).expect(200);
      await fx.admin.post(`/api/authoring/modules/${fx.made.module}/unarchive`).expect(200);
      expect(await eventsSince(fx.orgId, since)).toEqual([]);
    });
  });

  describe('append-only', () => {
    it('refuses UPDATE and DELETE of any event, and the retention setting alone deletes no young event', async () => {
      const org = await ctx.newOrganisation();
      const young = await insertEvent(org.id);
      const old = await insertEvent(org.id, {
        at: new Date(Date.now() - 8 * 366 * 86_400_000).toISOString(),
      });
      for (const eventId of [young, old]) {
        await expect(
          ctx.dataSource.query(`UPDATE audit_event SET details = '{"forged":true}' WHERE id = $1`, [eventId]),
        ).rejects.toThrow(/append-only/);
        await expect(
          ctx.dataSource.query(`UPDATE audit_event SET at = now() - interval '20 years' WHERE id = $1`, [
            eventId,
          ]),
        ).rejects.toThrow(/append-only/);
        await expect(
          ctx.dataSource.query(`DELETE FROM audit_event WHERE id = $1`, [eventId]),
        ).rejects.toThrow(/append-only/);
      }
      await expect(ctx.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/cannot be truncated/);
      // The retention job's path: the setting lets through only rows past the organisation's retention.
      await expect(
        ctx.dataSource.transaction(async (tx) => {
          await tx.query(`SET LOCAL countersign.audit_retention = 'on'`);
          await tx.query(`DELETE FROM audit_event WHERE id = $1`, [young]);
        }),
      ).rejects.toThrow(/append-only/);
      await expect(
        ctx.dataSource.transaction(async (tx) => {
          await tx.query(`SET LOCAL countersign.audit_retention = 'on'`);
          await tx.query(`UPDATE audit_event SET details = '{}' WHERE id = $1`, [old]);
        }),
      ).rejects.toThrow(/append-only/);
      // A longer retention makes the old row young again: still refused.
      await ctx.dataSource.query(`UPDATE organisation SET audit_retention_years = 10 WHERE id = $1`, [
        org.id,
      ]);
      await expect(
        ctx.dataSource.transaction(async (tx) => {
          await tx.query(`SET LOCAL countersign.audit_retention = 'on'`);
          await tx.query(`DELETE FROM audit_event WHERE id = $1`, [old]);
        }),
      ).rejects.toThrow(/append-only/);
      const kept = await ctx.dataSource.query(`SELECT id FROM audit_event WHERE id = ANY($1::bigint[])`, [
        [young, old],
      ]);
      expect(kept).toHaveLength(2);
    });
  });

  describe('the audit page', () => {
    let org: { id: string };
    let officer: Client;
    let admin: TestUser;
    let other: TestUser;
    let all: string[];
    const subjectA = '0e6bbf3e-1f5c-4c39-9d53-5a9f6f2e0001';

    beforeAll(async () => {
      const team = await ctx.newTeam();
      org = team.org;
      admin = team.admin;
      other = team.officer;
      officer = await ctx.login(team.officer);
      // 40 events, several sharing one timestamp, so that the keyset must break ties by id.
      const base = Date.parse('2026-03-10T12:00:00.000Z');
      for (let i = 0; i < 40; i++) {
        const at = new Date(base - Math.floor(i / 4) * 3 * 3_600_000).toISOString(); // four at a time, 3 h apart
        await insertEvent(org.id, {
          at,
          actorId: i % 3 === 0 ? other.id : admin.id,
          action: i % 5 === 0 ? 'module.published' : i % 5 === 1 ? 'rule.updated' : 'person.updated',
          subjectType: i % 5 === 0 ? 'training_module' : i % 5 === 1 ? 'assignment_rule' : 'person',
          subjectId: i % 7 === 0 ? subjectA : null,
          details: { n: i },
        });
      }
      // Another organisation's events, at the same times, by its own people.
      const stranger = await ctx.newTeam();
      for (let i = 0; i < 5; i++)
        await insertEvent(stranger.org.id, {
          at: new Date(base).toISOString(),
          actorId: stranger.admin.id,
          action: 'module.published',
          subjectType: 'training_module',
          subjectId: subjectA,
        });
      all = (
        await ctx.dataSource.query<{ id: string }[]>(
          `SELECT e.id::text AS id FROM audit_event e WHERE e.organisation_id = $1 ORDER BY e.at DESC, e.id DESC`,
          [org.id],
        )
      ).map((r) => r.id);
    });

    async function pages(query: string, pageSize: number): Promise<AuditEventView[]> {
      const items: AuditEventView[] = [];
      let after: string | null = null;
      for (let n = 0; n < 100; n++) {
        const url = `/api/audit/events?pageSize=${pageSize}${query ? `&${query}` : ''}${after ? `&after=${after}` : ''}`;
        const page = (await officer.get(url).expect(200)).body as AuditEventsPage;
        expect(page.items.length).toBeLessThanOrEqual(pageSize);
        items.push(...page.items);
        after = page.nextCursor;
        if (!after) return items;
      }
      throw new Error('pages never ended');
    }

    const expected = async (where: string, params: unknown[]) =>
      (
        await ctx.dataSource.query<{ id: string }[]>(
          `SELECT e.id::text AS id FROM audit_event e WHERE e.organisation_id = $1 AND ${where} ORDER BY e.at DESC, e.id DESC`,
          [org.id, ...params],
        )
      ).map((r) => r.id);

    it('pages through every event once, newest first, ties broken by id, for any page size', async () => {
      for (const size of [1, 3, 7, 50]) {
        const ids = (await pages('', size)).map((e) => e.id);
        expect(ids).toEqual(all);
      }
    });

    it('filters by actor, one or several actions, target type, target and date range', async () => {
      const cases: [string, string, unknown[]][] = [
        [`actorId=${other.id}`, 'actor_id = $2', [other.id]],
        ['action=module.published', `action = 'module.published'`, []],
        ['action=module.published&action=rule.updated', `action IN ('module.published', 'rule.updated')`, []],
        ['action=module.published,rule.updated', `action IN ('module.published', 'rule.updated')`, []],
        ['subjectType=person', `subject_type = 'person'`, []],
        [`subjectId=${subjectA}`, 'subject_id = $2', [subjectA]],
        [
          'from=2026-03-10T09:00:00Z&to=2026-03-10T11:00:00Z',
          `at >= '2026-03-10T09:00:00Z' AND at < '2026-03-10T11:00:00Z'`,
          [],
        ],
        ['from=2026-03-09&to=2026-03-09', `at >= '2026-03-09' AND at < '2026-03-10'`, []],
        [
          `actorId=${admin.id}&action=person.updated&from=2026-03-10`,
          `actor_id = $2 AND action = 'person.updated' AND at >= '2026-03-10'`,
          [admin.id],
        ],
      ];
      for (const [query, where, params] of cases) {
        const want = await expected(where, params);
        expect(want.length).toBeGreaterThan(0);
        expect({ query, ids: (await pages(query, 4)).map((e) => e.id) }).toEqual({ query, ids: want });
      }
    });

    it('shows the actor and target by name', async () => {
      const [first] = (await pages(`actorId=${other.id}`, 1)).slice(0, 1);
      expect(first!.actor).toEqual({ id: other.id, name: expect.any(String) });
    });

    it('never shows another organisation’s events, whatever the filter', async () => {
      const stranger = await ctx.newTeam();
      const strangerEvent = await insertEvent(stranger.org.id, {
        actorId: stranger.admin.id,
        subjectId: subjectA,
      });
      const mine = await pages(`subjectId=${subjectA}`, 50);
      expect(mine.map((e) => e.id)).not.toContain(strangerEvent);
      expect(mine.map((e) => e.id)).toEqual(await expected('subject_id = $2', [subjectA]));
      const byStranger = (await officer.get(`/api/audit/events?actorId=${stranger.admin.id}`).expect(200))
        .body as AuditEventsPage;
      expect(byStranger).toEqual({ items: [], nextCursor: null });
      const csv = (await officer.get(`/api/audit/events.csv?actorId=${stranger.admin.id}`).expect(200)).text;
      expect(parse(csv, { columns: true })).toEqual([]);
    });

    it('answers a bad filter with a 400 naming it', async () => {
      const bad: [string, string][] = [
        ['actorId=me', 'actorId'],
        ['action=module.deleted-everything', 'action'],
        ['subjectType=planet', 'subjectType'],
        ['subjectId=42', 'subjectId'],
        ['from=yesterday', 'from'],
        ['to=2026-13-01', 'to'],
        ['from=2026-03-10&to=2026-03-01', 'to'],
        ['pageSize=0', 'pageSize'],
        ['pageSize=201', 'pageSize'],
        ['after=not-a-cursor', 'after'],
        [`after=${Buffer.from('{"k":["x",1]}').toString('base64url')}`, 'after'],
      ];
      for (const [query, field] of bad) {
        const res = await officer.get(`/api/audit/events?${query}`);
        expect({
          query,
          status: res.status,
          fields: (res.body.details as { field: string }[]).map((d) => d.field),
        }).toEqual({
          query,
          status: 400,
          fields: [field],
        });
      }
      const csv = await officer.get('/api/audit/events.csv?from=2026-03-10&to=2026-03-01').expect(400);
      expect(csv.body.details[0].field).toBe('to');
      const unknown = await officer.get('/api/audit/events?actor=someone').expect(400);
      expect(unknown.body.message).toContain('actor');
    });

    it('is read with the (organisation, at, id) index, newest first', async () => {
      // A year of an organisation's log beside this one's (the planner reads tiny tables whole).
      const busy = await ctx.newTeam();
      await ctx.dataSource.query(
        `INSERT INTO audit_event (organisation_id, actor_id, action, subject_type, at)
         SELECT $1, CASE WHEN g % 2 = 0 THEN $2::uuid ELSE $3::uuid END, 'person.updated', 'person',
                now() - make_interval(mins => g)
           FROM generate_series(1, 20000) g`,
        [busy.org.id, busy.admin.id, busy.officer.id],
      );
      await ctx.dataSource.query(`ANALYZE audit_event`);
      const plan = (
        await ctx.dataSource.query<{ 'QUERY PLAN': string }[]>(
          `EXPLAIN SELECT id FROM audit_event e WHERE e.organisation_id = $1 ORDER BY e.at DESC, e.id DESC LIMIT 51`,
          [busy.org.id],
        )
      )
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      expect(plan).toMatch(/Index (Only )?Scan Backward using audit_event_org_at_id_idx/);
      const byActor = (
        await ctx.dataSource.query<{ 'QUERY PLAN': string }[]>(
          `EXPLAIN SELECT id FROM audit_event e WHERE e.organisation_id = $1 AND e.actor_id = $2
            ORDER BY e.at DESC, e.id DESC LIMIT 51`,
          [busy.org.id, busy.officer.id],
        )
      )
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      expect(byActor).toMatch(/Index (Only )?Scan Backward using audit_event_actor_idx/);
    });
  });

  describe('CSV export', () => {
    it('holds exactly the filtered list, cells defused against formula injection', async () => {
      const team = await ctx.newTeam();
      const admin = await ctx.login(team.admin);
      const officer = await ctx.login(team.officer);
      await ctx.dataSource.query(`UPDATE app_user SET name = '=HYPERLINK("http://x")' WHERE id = $1`, [
        team.admin.id,
      ]);
      const people: string[] = [];
      for (const name of ['+Plus Person', '-Minus, "Quoted"', '@At\nNewline', 'Plain Person']) {
        people.push(
          id(
            await admin
              .post('/api/people', { name, email: `p${people.length}.${Date.now()}@example.test` })
              .expect(201),
          ),
        );
      }
      for (const personId of people)
        await admin.put(`/api/people/${personId}`, { jobTitle: '=1+1' }).expect(200);

      for (const query of [
        '',
        'action=person.updated',
        `actorId=${team.admin.id}&action=person.created&action=person.updated`,
      ]) {
        const res = await officer.get(`/api/audit/events.csv${query ? `?${query}` : ''}`).expect(200);
        expect(res.headers['content-type']).toMatch(/^text\/csv/);
        expect(res.headers['content-disposition']).toMatch(
          /^attachment; filename="audit-log-\d{4}-\d\d-\d\d\.csv"$/,
        );
        const rows = parse(res.text, { columns: true }) as Record<string, string>[];
        // The list after the export: the export itself is recorded before its first row is read.
        const listed = (
          await officer.get(`/api/audit/events?pageSize=200${query ? `&${query}` : ''}`).expect(200)
        ).body as AuditEventsPage;
        const undefuse = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
        expect(rows.map((r) => ({ ...r, actor: undefuse(r.actor!), target: undefuse(r.target!) }))).toEqual(
          listed.items.map((e) => ({
            time: e.at,
            actor_id: e.actor?.id ?? '',
            actor: e.actor?.name ?? 'System',
            action: e.action,
            action_label: expect.any(String),
            target_type: expect.any(String),
            target_id: e.subjectId ?? '',
            target: e.subjectName ?? '',
            details: JSON.stringify(e.details),
          })),
        );
        for (const row of rows) {
          for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
        if (query.includes('person.updated')) {
          const targets = rows.map((r) => r.target);
          expect(targets).toEqual(
            expect.arrayContaining(["'+Plus Person", '\'-Minus, "Quoted"', "'@At\nNewline", 'Plain Person']),
          );
          expect(rows.every((r) => r.actor === `'=HYPERLINK("http://x")`)).toBe(true);
        }
      }
      // Every export's connection went back to the pool with its transaction ended.
      const open = await ctx.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      expect(open[0]!.n).toBe(0);
      const exports = await ctx.dataSource.query<{ details: { filters: object } }[]>(
        `SELECT details FROM audit_event WHERE organisation_id = $1 AND action = 'audit.exported' ORDER BY id`,
        [team.org.id],
      );
      expect(exports.map((e) => e.details.filters)).toEqual([
        {},
        { action: ['person.updated'] },
        { actorId: team.admin.id, action: ['person.created', 'person.updated'] },
      ]);
    });
  });

  it('defuses every cell a spreadsheet would read as a formula, and only those', () => {
    expect(['=SUM(A1)', '+1', '-1', '@cmd', '\tx', '\rx', 'a=b', ' =x', '', 'Plain'].map(defuseCell)).toEqual(
      ["'=SUM(A1)", "'+1", "'-1", "'@cmd", "'\tx", "'\rx", 'a=b', ' =x', '', 'Plain'],
    );
  });

  describe('retention', () => {
    const YEAR = 365.25 * 86_400_000;
    const ago = (years: number) => new Date(Date.now() - years * YEAR).toISOString();
    const realNow = Clock.prototype.now;
    afterEach(() => {
      ctx.app.get(Clock).now = realNow;
    });

    const runJob = async () => {
      const jobs = ctx.app.get(JobQueue);
      await jobs.send(AUDIT_RETENTION_JOB, {});
      expect(await jobs.runDue(AUDIT_RETENTION_JOB)).toEqual({ completed: 1, failed: 0 });
    };
    const remaining = (organisationId: string) =>
      ctx.dataSource
        .query<{ n: number }[]>(
          `SELECT (details->>'n')::int AS n FROM audit_event WHERE organisation_id = $1 AND details ? 'n' ORDER BY 1`,
          [organisationId],
        )
        .then((rows) => rows.map((r) => r.n));
    const applied = (organisationId: string) =>
      ctx.dataSource.query<
        { actor_id: string | null; details: { deleted: number; cutoff: string; retentionYears: number } }[]
      >(
        `SELECT actor_id, details FROM audit_event WHERE organisation_id = $1 AND action = 'audit.retention-applied' ORDER BY id`,
        [organisationId],
      );

    it('deletes only events older than each organisation’s own retention, once, and records it', async () => {
      const standard = await ctx.newTeam(); // 7 years, the default
      const short = await ctx.newTeam(); // 2 years, set by its admin
      const long = await ctx.newTeam(); // 20 years
      await (await ctx.login(short.admin)).put('/api/settings', { auditRetentionYears: 2 }).expect(200);
      await (await ctx.login(long.admin)).put('/api/settings', { auditRetentionYears: 20 }).expect(200);
      for (const team of [standard, short, long]) {
        for (const [n, years] of [
          [1, 0],
          [2, 1.5],
          [3, 6.9],
          [4, 7.1],
          [5, 12],
        ] as const)
          await insertEvent(team.org.id, { at: ago(years), details: { n } });
      }
      // A replica whose clock runs ten years ahead deletes nothing early.
      ctx.app.get(Clock).now = () => new Date(realNow.call(null).getTime() + 10 * YEAR);
      await runJob();
      ctx.app.get(Clock).now = realNow;

      expect(await remaining(standard.org.id)).toEqual([1, 2, 3]);
      expect(await remaining(short.org.id)).toEqual([1, 2]);
      expect(await remaining(long.org.id)).toEqual([1, 2, 3, 4, 5]);
      const [standardRun] = await applied(standard.org.id);
      expect(await applied(standard.org.id)).toHaveLength(1);
      expect(standardRun).toEqual({
        actor_id: null,
        details: { deleted: 2, cutoff: expect.any(String), retentionYears: 7 },
      });
      const cutoff = Date.parse(standardRun!.details.cutoff);
      expect(Math.abs(cutoff - Date.parse(ago(7)))).toBeLessThan(3 * 86_400_000);
      expect((await applied(short.org.id)).map((r) => r.details.deleted)).toEqual([3]);
      expect(await applied(long.org.id)).toEqual([]);

      // Running again deletes nothing more and records nothing.
      await runJob();
      expect(await remaining(standard.org.id)).toEqual([1, 2, 3]);
      expect(await remaining(short.org.id)).toEqual([1, 2]);
      expect(await applied(standard.org.id)).toHaveLength(1);
      expect(await applied(short.org.id)).toHaveLength(1);

      // A clock moved back deletes less, never more.
      await insertEvent(standard.org.id, { at: ago(7.5), details: { n: 6 } });
      ctx.app.get(Clock).now = () => new Date(realNow.call(null).getTime() - 1 * YEAR);
      await runJob();
      expect(await remaining(standard.org.id)).toEqual([1, 2, 3, 6]);
      ctx.app.get(Clock).now = realNow;
      await runJob();
      expect(await remaining(standard.org.id)).toEqual([1, 2, 3]);
      expect((await applied(standard.org.id)).map((r) => r.details.deleted)).toEqual([2, 1]);
    });
  });

  describe('settings', () => {
    it('reads and changes the retention, refusing values out of range with the field named', async () => {
      const team = await ctx.newTeam();
      const admin = await ctx.login(team.admin);
      const officer = await ctx.login(team.officer);
      expect((await officer.get('/api/settings').expect(200)).body).toEqual({
        auditRetentionYears: 7,
        requireSecondFactor: false,
      });
      await officer.put('/api/settings', { auditRetentionYears: 8 }).expect(403);
      for (const value of [0, 101, 2.5, '7', null]) {
        const res = await admin.put('/api/settings', { auditRetentionYears: value }).expect(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['auditRetentionYears']);
      }
      await admin.put('/api/settings', { auditRetentionYears: 7, colour: 'red' }).expect(400);
      expect((await admin.put('/api/settings', { auditRetentionYears: 1 }).expect(200)).body).toEqual({
        auditRetentionYears: 1,
        requireSecondFactor: false,
      });
      expect((await officer.get('/api/settings').expect(200)).body).toEqual({
        auditRetentionYears: 1,
        requireSecondFactor: false,
      });
      // Another organisation keeps its own.
      const other = await ctx.newTeam();
      expect((await (await ctx.login(other.officer)).get('/api/settings').expect(200)).body).toEqual({
        auditRetentionYears: 7,
        requireSecondFactor: false,
      });
    });
  });
});
