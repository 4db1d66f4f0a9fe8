import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { DomainError } from '../../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/auth.service.js';
import { CredentialsService } from '../auth/credentials.service.js';
import { TrainingService } from '../training/training.service.js';
import { Organisation } from './organisation.entity.js';

/** The database's own rule for an organisation's slug (its sign-in and SSO address). */
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** What an operator gives to create an organisation (the CLI's flags, BOOTSTRAP_*). */
export const newOrganisationSchema = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(200),
  slug: z
    .string()
    .trim()
    .regex(SLUG, {
      message: 'must be 1–63 lower-case letters, digits or hyphens, starting with a letter or digit',
    })
    .optional(),
  adminEmail: z
    .email({ message: 'must be an email address' })
    .max(254)
    .transform((email) => email.toLowerCase()),
  adminName: z.string().trim().min(1, { message: 'is required' }).max(200).default('Administrator'),
});
export type NewOrganisation = z.input<typeof newOrganisationSchema>;

export interface CreatedOrganisation {
  organisation: { id: string; name: string; slug: string };
  administrator: { id: string; name: string; email: string };
  /**
   * The administrator's one-time link to choose a password, and when it stops working; null when
   * BOOTSTRAP_ADMIN_PASSWORD gave them one.
   */
  invitation: { link: string; expiresAt: Date; emailed: boolean } | null;
}

export interface OrganisationSummary {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
  disabledAt: Date | null;
  activePeople: number;
  administrators: number;
}

/** Who asked: recorded in the audit events of operator actions (they have no signed-in actor). */
export type OperatorChannel = 'cli' | 'bootstrap';

/** A slug from a name: "Acme Defence Ltd." → "acme-defence-ltd". */
export function slugFor(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'organisation'
  );
}

/** Operator input that does not pass: a message naming the field (the CLI prints it). */
export class InvalidOrganisationInput extends DomainError {
  constructor(readonly fields: { field: string; message: string }[]) {
    super(422, 'validation_failed', fields.map((f) => `${f.field} ${f.message}`).join('; '), fields);
  }
}

/**
 * Organisations: created with the built-in curriculum, and, by the operator of the installation
 * (CLI, BOOTSTRAP_*), with a first administrator, listed, disabled and enabled. A disabled
 * organisation's people cannot sign in and its sessions end; its data stays.
 */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly training: TrainingService,
    private readonly credentials: CredentialsService,
    private readonly audit: AuditService,
  ) {}

  /** Creates an organisation with the built-in curriculum published, in one transaction. */
  create(name: string, slug: string): Promise<Organisation> {
    return this.dataSource.transaction(async (tx) => {
      const organisation = await tx.save(tx.create(Organisation, { name, slug }));
      await this.training.installCurriculum(organisation.id, tx);
      return organisation;
    });
  }

  /**
   * A new organisation with its curriculum and an invited administrator, all or nothing. The
   * administrator has no password: they choose one through the returned link (also emailed when
   * mail is configured).
   */
  async createWithAdministrator(input: NewOrganisation, by: OperatorChannel): Promise<CreatedOrganisation> {
    return (await this.createLocked(input, by, false))!;
  }

  /**
   * First start of a real installation: with BOOTSTRAP_ORGANISATION and BOOTSTRAP_ADMIN_EMAIL set
   * and no organisation in the database yet, creates that organisation and invites its
   * administrator (or gives them BOOTSTRAP_ADMIN_PASSWORD, when set). Null when there was nothing
   * to do; several replicas starting at once create it once.
   */
  async bootstrapIfEmpty(): Promise<CreatedOrganisation | null> {
    const { BOOTSTRAP_ORGANISATION: name, BOOTSTRAP_ADMIN_EMAIL: adminEmail } = this.config;
    if (!name || !adminEmail) return null;
    return this.createLocked({ name, adminEmail }, 'bootstrap', true, this.config.BOOTSTRAP_ADMIN_PASSWORD);
  }

  private async createLocked(
    input: NewOrganisation,
    by: OperatorChannel,
    onlyIfEmpty: boolean,
    password?: string,
  ): Promise<CreatedOrganisation | null> {
    const parsed = newOrganisationSchema.safeParse(input);
    if (!parsed.success) {
      throw new InvalidOrganisationInput(
        parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'input'), message: i.message })),
      );
    }
    const { name, adminEmail, adminName } = parsed.data;
    const slug = parsed.data.slug ?? slugFor(name);
    return this.dataSource.transaction(async (tx) => {
      // One creation at a time: two operators choosing the same slug get a clear answer, not a 500.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('organisation.create'))`);
      if (onlyIfEmpty && (await tx.query(`SELECT 1 FROM organisation LIMIT 1`)).length) return null;
      const [taken] = await tx.query<{ name: string }[]>(`SELECT name FROM organisation WHERE slug = $1`, [
        slug,
      ]);
      if (taken) {
        throw new InvalidOrganisationInput([
          {
            field: 'slug',
            message: `"${slug}" is already used by the organisation "${taken.name}": choose another`,
          },
        ]);
      }
      const organisation = await tx.save(tx.create(Organisation, { name, slug }));
      await this.training.installCurriculum(organisation.id, tx);
      const [admin] = await tx.query<{ id: string }[]>(
        `INSERT INTO app_user (organisation_id, email, name, role, sensitivity_tier, active, password_hash)
         VALUES ($1, $2, $3, 'admin', 'standard', true, $4) RETURNING id`,
        [organisation.id, adminEmail, adminName, password ? await hashPassword(password) : null],
      );
      const administrator = { id: admin!.id, name: adminName, email: adminEmail };
      await this.audit.record(tx, {
        organisationId: organisation.id,
        actorId: null,
        action: 'organisation.created',
        subjectType: 'organisation',
        subjectId: organisation.id,
        details: { by, name, slug, administrator: adminEmail },
      });
      await this.audit.record(tx, {
        organisationId: organisation.id,
        actorId: null,
        action: 'person.created',
        subjectType: 'person',
        subjectId: administrator.id,
        details: { by, before: null, after: { name: adminName, email: adminEmail, role: 'admin' } },
      });
      const invitation = password
        ? null
        : await this.credentials.inviteFirstAdministrator(tx, organisation.id, {
            ...administrator,
            organisation: name,
          });
      return { organisation: { id: organisation.id, name, slug }, administrator, invitation };
    });
  }

  /** Every organisation of the installation, oldest first, with its head counts. */
  async list(): Promise<OrganisationSummary[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        name: string;
        slug: string;
        created_at: Date;
        disabled_at: Date | null;
        active_people: number;
        administrators: number;
      }[]
    >(
      `SELECT o.id, o.name, o.slug, o.created_at, o.disabled_at,
              count(u.id) FILTER (WHERE u.active)::int AS active_people,
              count(u.id) FILTER (WHERE u.active AND u.role = 'admin')::int AS administrators
         FROM organisation o LEFT JOIN app_user u ON u.organisation_id = o.id
        GROUP BY o.id ORDER BY o.created_at, o.slug`,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      slug: r.slug,
      createdAt: new Date(r.created_at),
      disabledAt: r.disabled_at ? new Date(r.disabled_at) : null,
      activePeople: r.active_people,
      administrators: r.administrators,
    }));
  }

  /**
   * Disables (every session ends at once; nobody can sign in) or enables an organisation. Doing it
   * twice changes nothing and records nothing. Returns whether anything changed, and how many
   * sessions ended.
   */
  async setDisabled(
    slug: string,
    disabled: boolean,
    by: OperatorChannel,
  ): Promise<{
    organisation: { id: string; name: string; slug: string };
    changed: boolean;
    sessionsEnded: number;
  }> {
    return this.dataSource.transaction(async (tx) => {
      const [org] = await tx.query<{ id: string; name: string; slug: string; disabled_at: Date | null }[]>(
        `SELECT id, name, slug, disabled_at FROM organisation WHERE slug = $1 FOR UPDATE`,
        [slug],
      );
      if (!org) {
        throw new InvalidOrganisationInput([
          { field: 'slug', message: `"${slug}" is no organisation here (organisations:list shows them)` },
        ]);
      }
      const organisation = { id: org.id, name: org.name, slug: org.slug };
      if (Boolean(org.disabled_at) === disabled) return { organisation, changed: false, sessionsEnded: 0 };
      await tx.query(`UPDATE organisation SET disabled_at = ${disabled ? 'now()' : 'NULL'} WHERE id = $1`, [
        org.id,
      ]);
      const [ended] = disabled
        ? await tx.query<{ n: number }[]>(
            `WITH gone AS (DELETE FROM user_session WHERE organisation_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
            [org.id],
          )
        : [{ n: 0 }];
      await this.audit.record(tx, {
        organisationId: org.id,
        actorId: null,
        action: disabled ? 'organisation.disabled' : 'organisation.enabled',
        subjectType: 'organisation',
        subjectId: org.id,
        details: disabled ? { by, sessionsEnded: ended!.n } : { by },
      });
      return { organisation, changed: true, sessionsEnded: ended!.n };
    });
  }
}

/** What the operator is told after creating an organisation (printed by the CLI and at start-up). */
export function describeCreated(created: CreatedOrganisation): string[] {
  const { organisation, administrator, invitation } = created;
  const lines = [
    `Created organisation "${organisation.name}" (slug ${organisation.slug}) with administrator ${administrator.email}.`,
  ];
  if (!invitation) {
    lines.push('The administrator signs in with the password from BOOTSTRAP_ADMIN_PASSWORD.');
    return lines;
  }
  lines.push(
    invitation.emailed
      ? 'An invitation email is queued for them. They can also use this link to choose their password'
      : 'Give them this link to choose their password (no mail server is configured, so nothing was emailed)',
    `(it works once, until ${invitation.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC):`,
    `  ${invitation.link}`,
  );
  return lines;
}
