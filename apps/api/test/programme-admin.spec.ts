import type { OutboxPage, TemplatePreview, TemplateView } from '@countersign/contracts/programme';
import { Clock } from '../src/common/clock.js';
import { ProgrammeRunner } from '../src/modules/programme/programme-runner.service.js';
import { TestContext } from './test-app.js';

const DAY = 86_400_000;

describe('programme email templates and the outbox', () => {
  let ctx: TestContext;
  const realNow = Clock.prototype.now;
  beforeAll(async () => {
    ctx = await TestContext.create({ MAIL_FROM: 'security@example.org' });
  });
  afterEach(() => {
    ctx.app.get(Clock).now = realNow;
  });
  afterAll(() => ctx.close());

  const audits = (org: string, action: string) =>
    ctx.dataSource.query<{ details: Record<string, unknown> }[]>(
      `SELECT details FROM audit_event WHERE organisation_id = $1 AND action = $2 ORDER BY at`,
      [org, action],
    );

  it('lists the defaults, refuses unknown placeholders and bad syntax naming the field, saves, previews, resets', async () => {
    const team = await ctx.newTeam();
    const admin = await ctx.login(team.admin);
    const list = (await admin.get('/api/programme/templates').expect(200)).body as TemplateView[];
    expect(list.map((t) => [t.kind, t.isDefault])).toEqual([
      ['reminder', true],
      ['escalation', true],
    ]);

    const unknown = await admin
      .put('/api/programme/templates/reminder', { subject: 'Hi {{person.salary}}', body: 'x' })
      .expect(422);
    expect(unknown.body.details).toEqual([
      { field: 'subject', message: expect.stringContaining('{{person.salary}}') },
    ]);
    const unclosed = await admin
      .put('/api/programme/templates/reminder', { subject: 'Hi', body: '{{#items}} no end' })
      .expect(422);
    expect(unclosed.body.details[0].field).toBe('body');
    await admin.put('/api/programme/templates/reminder', { subject: '', body: 'x' }).expect(400);
    await admin.put('/api/programme/templates/nonsense', { subject: 'a', body: 'b' }).expect(400);

    const body =
      'Dear {{person.name}},\n\n{{#items}}* {{module}} ({{when}})\n{{/items}}\nThanks, {{organisation.name}}';
    const saved = (
      await admin
        .put('/api/programme/templates/reminder', { subject: 'Training for {{person.name}}', body })
        .expect(200)
    ).body as TemplateView;
    expect(saved).toMatchObject({ isDefault: false, subject: 'Training for {{person.name}}' });
    expect(await audits(team.org.id, 'template.updated')).toHaveLength(1);

    // A preview with a real person whose name needs escaping in HTML.
    await ctx.dataSource.query(`UPDATE app_user SET name = $2 WHERE id = $1`, [
      team.employee.id,
      'Ada <b>Lovelace</b>',
    ]);
    const preview = (
      await admin
        .post('/api/programme/templates/reminder/preview', {
          subject: 'Training for {{person.name}}',
          body,
          userId: team.employee.id,
        })
        .expect(200)
    ).body as TemplatePreview;
    expect(preview.subject).toBe('Training for Ada <b>Lovelace</b>');
    expect(preview.text).toContain('Dear Ada <b>Lovelace</b>,');
    expect(preview.html).toContain('Dear Ada &lt;b&gt;Lovelace&lt;&#x2F;b&gt;,');
    expect(preview.html).not.toContain('<b>');

    // The reminders use the organisation's wording.
    const [moduleId] = await ctx.moduleIds(team.org.id);
    await admin
      .post('/api/programme/rules', {
        name: 'All',
        moduleId,
        due: { kind: 'relative', days: 30 },
        escalation: { managerAfterDays: null, officersAfterDays: null },
      })
      .expect(201);
    ctx.app.get(Clock).now = () => new Date(Date.now() + 23 * DAY);
    await ctx.app.get(ProgrammeRunner).runOrganisation(team.org.id);
    const [email] = await ctx.dataSource.query<{ subject: string }[]>(
      `SELECT subject FROM outbound_email WHERE to_address = $1`,
      [team.officer.email],
    );
    expect(email!.subject).toMatch(/^Training for Person \d+$/);

    const reset = (await admin.delete('/api/programme/templates/reminder').expect(200)).body as TemplateView;
    expect(reset.isDefault).toBe(true);
    expect(await audits(team.org.id, 'template.reset')).toHaveLength(1);
  });

  it('shows the outbox without bodies, filters it, and retries a failed email once, audited', async () => {
    const team = await ctx.newTeam();
    const admin = await ctx.login(team.admin);
    const other = await ctx.newTeam();
    for (const [org, to, status] of [
      [team.org.id, team.employee, 'sent'],
      [team.org.id, team.officer, 'failed'],
      [team.org.id, team.admin, 'pending'],
      [other.org.id, other.employee, 'failed'],
    ] as const)
      await ctx.dataSource.query(
        `INSERT INTO outbound_email (organisation_id, recipient_id, from_address, to_address, subject, body_text, status, last_error)
         VALUES ($1, $2, 'security@example.org', $3, 'Subject for ' || $3, 'secret link', $4, CASE WHEN $4 = 'failed' THEN '550 Mailbox unavailable' END)`,
        [org, to.id, to.email, status],
      );
    const page = (await admin.get('/api/programme/outbox').expect(200)).body as OutboxPage;
    expect(page.total).toBe(3);
    expect(page.counts).toEqual({ pending: 1, sent: 1, failed: 1 });
    expect(JSON.stringify(page)).not.toContain('secret link');
    const failed = (await admin.get('/api/programme/outbox?status=failed').expect(200)).body as OutboxPage;
    expect(failed.items.map((i) => [i.to, i.lastError])).toEqual([
      [team.officer.email, '550 Mailbox unavailable'],
    ]);
    const searched = (
      await admin.get(`/api/programme/outbox?q=${encodeURIComponent(team.employee.email)}`).expect(200)
    ).body as OutboxPage;
    expect(searched.items.map((i) => i.to)).toEqual([team.employee.email]);
    await admin.get('/api/programme/outbox?status=lost').expect(400);

    const id = failed.items[0]!.id;
    expect((await admin.post(`/api/programme/outbox/${id}/retry`).expect(200)).body).toMatchObject({
      status: 'pending',
    });
    expect((await admin.post(`/api/programme/outbox/${id}/retry`).expect(409)).body.code).toBe(
      'email_not_failed',
    );
    expect(await audits(team.org.id, 'email.retried')).toHaveLength(1);
    // Another organisation's email is not found.
    const [foreign] = await ctx.dataSource.query<{ id: string }[]>(
      `SELECT id FROM outbound_email WHERE organisation_id = $1`,
      [other.org.id],
    );
    await admin.post(`/api/programme/outbox/${foreign!.id}/retry`).expect(404);
    // Officers read it, but only administrators retry.
    const officer = await ctx.login(team.officer);
    await officer.get('/api/programme/outbox').expect(200);
    await officer.post(`/api/programme/outbox/${id}/retry`).expect(403);
  });
});

describe('programme email rendering', () => {
  it('escapes the template text and every value in HTML, and refuses unescaped tags', async () => {
    const { renderTemplate, templateProblems } = await import('../src/modules/programme/programme-emails.js');
    const out = renderTemplate(
      {
        subject: 'Hi {{person.name}}',
        body: '<script>alert(1)</script> & {{person.name}}\n\n{{#items}}{{module}}{{/items}}',
      },
      {
        person: { name: '<img src=x onerror=alert(2)>', email: 'a@example.org' },
        organisation: { name: 'Org' },
        items: [{ module: '"Quoted" & <b>bold</b>', dueDate: '2026-12-31', when: 'due today' }],
        count: 1,
        link: '/training',
      },
    );
    expect(out.html).not.toMatch(/<script|<img|<b>/);
    expect(out.html).toContain('&#60;script&#62;');
    expect(out.text).toContain('<script>alert(1)</script> & <img src=x onerror=alert(2)>');
    expect(templateProblems('reminder', { subject: 'x', body: '{{{person.name}}}' })[0]).toMatch(
      /always escaped/,
    );
    expect(templateProblems('reminder', { subject: '{{&person.name}}', body: 'x' })[0]).toMatch(/^subject: /);
  });
});
