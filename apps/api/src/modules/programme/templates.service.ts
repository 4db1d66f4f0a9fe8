import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  TemplateInput,
  TemplateKind,
  TemplatePreview,
  TemplateView,
} from '@countersign/contracts/programme';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { Clock } from '../../common/clock.js';
import { notFound, unprocessable } from '../../common/domain-error.js';
import { APP_CONFIG, publicBaseUrl, type AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import {
  DEFAULT_TEMPLATES,
  describeWhen,
  renderTemplate,
  TEMPLATE_PLACEHOLDERS,
  templateProblems,
  type DigestItem,
} from './programme-emails.js';

/**
 * An organisation's wording of the programme's emails. Saving checks the template (Mustache
 * syntax, and only the placeholders its kind offers) and refuses a bad one with the field and the
 * reason; the preview renders it with a real person's data and their open assignments.
 */
@Injectable()
export class TemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(organisationId: string): Promise<TemplateView[]> {
    const own = await this.dataSource.query<
      { kind: TemplateKind; subject: string; body: string; updated_at: Date }[]
    >(`SELECT kind, subject, body, updated_at FROM email_template WHERE organisation_id = $1`, [
      organisationId,
    ]);
    return (Object.keys(DEFAULT_TEMPLATES) as TemplateKind[]).map((kind) => {
      const row = own.find((o) => o.kind === kind);
      return {
        kind,
        subject: row?.subject ?? DEFAULT_TEMPLATES[kind].subject,
        body: row?.body ?? DEFAULT_TEMPLATES[kind].body,
        isDefault: !row,
        placeholders: [...TEMPLATE_PLACEHOLDERS[kind]],
        updatedAt: row?.updated_at.toISOString() ?? null,
      };
    });
  }

  async save(auth: AuthContext, kind: TemplateKind, input: TemplateInput): Promise<TemplateView> {
    this.check(kind, input);
    await this.dataSource.transaction(async (tx) => {
      const [before] = await tx.query<{ subject: string; body: string }[]>(
        `SELECT subject, body FROM email_template WHERE organisation_id = $1 AND kind = $2 FOR UPDATE`,
        [auth.organisationId, kind],
      );
      await tx.query(
        `INSERT INTO email_template (organisation_id, kind, subject, body, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organisation_id, kind)
         DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [auth.organisationId, kind, input.subject, input.body, auth.userId],
      );
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'template.updated',
        subjectType: 'email_template',
        subjectId: null,
        details: { kind, before: before ?? DEFAULT_TEMPLATES[kind], after: input },
      });
    });
    return (await this.list(auth.organisationId)).find((t) => t.kind === kind)!;
  }

  async reset(auth: AuthContext, kind: TemplateKind): Promise<TemplateView> {
    await this.dataSource.transaction(async (tx) => {
      const gone = await tx.query<{ subject: string; body: string }[]>(
        `WITH gone AS (DELETE FROM email_template WHERE organisation_id = $1 AND kind = $2 RETURNING subject, body)
         SELECT * FROM gone`,
        [auth.organisationId, kind],
      );
      if (gone.length)
        await this.audit.record(tx, {
          organisationId: auth.organisationId,
          actorId: auth.userId,
          action: 'template.reset',
          subjectType: 'email_template',
          subjectId: null,
          details: { kind, before: gone[0], after: DEFAULT_TEMPLATES[kind] },
        });
    });
    return (await this.list(auth.organisationId)).find((t) => t.kind === kind)!;
  }

  /** Renders the (unsaved) template with a real person's name and current assignments. */
  async preview(
    auth: AuthContext,
    kind: TemplateKind,
    input: TemplateInput,
    userId: string | null,
  ): Promise<TemplatePreview> {
    this.check(kind, input);
    const [person] = await this.dataSource.query<
      { id: string; name: string; email: string; organisation: string }[]
    >(
      `SELECT u.id, u.name, u.email, o.name AS organisation
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.organisation_id = $1 AND u.id = $2`,
      [auth.organisationId, userId ?? auth.userId],
    );
    if (!person) throw notFound('The person');
    const today = this.clock.now().toISOString().slice(0, 10);
    const open = await this.dataSource.query<{ title: string; due: string; days: number }[]>(
      `SELECT m.title, to_char(a.due_date, 'YYYY-MM-DD') AS due, (a.due_date - $3::date) AS days
         FROM assignment a JOIN training_module m ON m.id = a.module_id
        WHERE a.organisation_id = $1 AND a.user_id = $2 AND a.superseded_at IS NULL AND a.status <> 'completed'
        ORDER BY a.due_date, m.title LIMIT 10`,
      [auth.organisationId, person.id, today],
    );
    const items: DigestItem[] = open.length
      ? open.map((o) => ({
          module: o.title,
          dueDate: o.due,
          when: describeWhen(o.days),
          person: person.name,
        }))
      : [{ module: 'Think Before You Link', dueDate: today, when: describeWhen(0), person: person.name }];
    const rendered = renderTemplate(input, {
      person: { name: person.name, email: person.email },
      organisation: { name: person.organisation },
      items,
      count: items.length,
      link: `${publicBaseUrl(this.config)}${kind === 'reminder' ? '/training' : '/officer'}`,
    });
    return { ...rendered, person: { id: person.id, name: person.name } };
  }

  private check(kind: TemplateKind, input: TemplateInput): void {
    const problems = templateProblems(kind, input);
    if (problems.length)
      throw unprocessable(
        'template_invalid',
        `The template cannot be used: ${problems.join('; ')}`,
        problems.map((p) => ({ field: p.split(':')[0]!, message: p.slice(p.indexOf(':') + 1).trim() })),
      );
  }
}
