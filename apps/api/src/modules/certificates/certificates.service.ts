import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CertificateVerification, CertificateView } from '@countersign/contracts/certificates';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { certificateZipQuerySchema } from '@countersign/contracts/certificates';
import type { AuthContext } from '../../common/auth-context.js';
import { notFound } from '../../common/domain-error.js';
import { APP_CONFIG, type AppConfig, publicBaseUrl } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { progressFilterSql } from '../progress/progress-filters.js';
import type { CertificateFacts } from './certificate-pdf.js';
import { alreadyRevoked, noCertificates, notRevoked, unknownCertificate } from './certificates.errors.js';

export interface CertificateRow {
  id: string;
  code: string;
  issued_at: Date;
  revoked_at: Date | null;
  revoke_reason: string | null;
  revoked_by: string | null;
  revoked_by_name: string | null;
  organisation: string;
  user_id: string;
  person: string;
  module_id: string;
  module: string;
  version: number;
  completed_at: Date;
  score: number;
  assignment_id: string;
  cycle: number;
}

/** Everything about certificates, joined from the completion they prove; `ce` is the certificate. */
const SELECT_CERTIFICATES = `
  SELECT ce.id, ce.code, ce.issued_at, ce.revoked_at, ce.revoke_reason, ce.revoked_by, rb.name AS revoked_by_name,
         o.name AS organisation, u.id AS user_id, u.name AS person, m.id AS module_id, m.title AS module,
         v.version, c.completed_at, c.score, a.id AS assignment_id, a.cycle
    FROM certificate ce
    JOIN completion c ON c.id = ce.completion_id
    JOIN assignment a ON a.id = c.assignment_id
    JOIN app_user u ON u.id = c.user_id
    JOIN organisation o ON o.id = ce.organisation_id
    JOIN training_module m ON m.id = c.module_id
    JOIN module_version v ON v.id = c.module_version_id
    LEFT JOIN app_user rb ON rb.id = ce.revoked_by`;

/** How many certificates a zip reads per query: no connection is held between batches. */
const ZIP_BATCH = 200;

type ZipQuery = z.infer<typeof certificateZipQuerySchema>;

export function factsOf(row: CertificateRow): CertificateFacts {
  return {
    code: row.code,
    organisation: row.organisation,
    person: row.person,
    module: row.module,
    version: row.version,
    completedAt: new Date(row.completed_at),
    scorePercent: row.score,
    revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
  };
}

/**
 * Reading, revoking and reinstating certificates, and answering the public verify page. Every
 * officer read is scoped to the caller's organisation; a learner reads only their own.
 */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The public address of the verify page of a code. */
  verifyUrl(code: string): string {
    return `${publicBaseUrl(this.config)}/verify/${code}`;
  }

  /** The public answer for a code: the facts the certificate states, and whether it still stands. */
  async verify(code: string): Promise<CertificateVerification> {
    const [row] = await this.dataSource.query<CertificateRow[]>(`${SELECT_CERTIFICATES} WHERE ce.code = $1`, [
      code,
    ]);
    if (!row) throw unknownCertificate();
    return {
      code: row.code,
      status: row.revoked_at ? 'revoked' : 'valid',
      revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
      organisation: row.organisation,
      person: row.person,
      module: row.module,
      version: row.version,
      completedAt: new Date(row.completed_at).toISOString(),
      scorePercent: row.score,
    };
  }

  /** The learner's own certificate for one of their assignments; anyone else's is a 404. */
  async mine(auth: AuthContext, assignmentId: string): Promise<CertificateRow> {
    const [row] = await this.dataSource.query<CertificateRow[]>(
      `${SELECT_CERTIFICATES} WHERE ce.organisation_id = $1 AND a.id = $2 AND c.user_id = $3`,
      [auth.organisationId, assignmentId, auth.userId],
    );
    if (!row) throw notFound('The certificate');
    return row;
  }

  async byId(organisationId: string, certificateId: string, tx?: EntityManager): Promise<CertificateRow> {
    const [row] = await (tx ?? this.dataSource.manager).query<CertificateRow[]>(
      `${SELECT_CERTIFICATES} WHERE ce.organisation_id = $1 AND ce.id = $2`,
      [organisationId, certificateId],
    );
    if (!row) throw notFound('The certificate');
    return row;
  }

  /** A person's certificates, every cycle, newest first. An unknown person is a 404. */
  async forPerson(organisationId: string, userId: string): Promise<CertificateView[]> {
    const [person] = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE organisation_id = $1 AND id = $2`,
      [organisationId, userId],
    );
    if (!person) throw notFound('The person');
    const rows = await this.dataSource.query<CertificateRow[]>(
      `${SELECT_CERTIFICATES} WHERE ce.organisation_id = $1 AND c.user_id = $2 ORDER BY c.completed_at DESC, ce.id`,
      [organisationId, userId],
    );
    return rows.map(toView);
  }

  /**
   * The signed-in person's own certificates, every cycle (last year's refresh too), newest first.
   * A revocation says when and why, not which officer made it.
   */
  async mineAll(auth: AuthContext): Promise<CertificateView[]> {
    const rows = await this.dataSource.query<CertificateRow[]>(
      `${SELECT_CERTIFICATES} WHERE ce.organisation_id = $1 AND c.user_id = $2 ORDER BY c.completed_at DESC, ce.id`,
      [auth.organisationId, auth.userId],
    );
    return rows
      .map(toView)
      .map((v) => (v.revocation ? { ...v, revocation: { ...v.revocation, by: null } } : v));
  }

  async revoke(auth: AuthContext, certificateId: string, reason: string): Promise<CertificateView> {
    return this.dataSource.transaction(async (tx) => {
      const before = await this.lockedById(tx, auth.organisationId, certificateId);
      if (before.revoked_at) throw alreadyRevoked();
      await tx.query(
        `UPDATE certificate SET revoked_at = now(), revoked_by = $3, revoke_reason = $4
          WHERE organisation_id = $1 AND id = $2`,
        [auth.organisationId, certificateId, auth.userId, reason],
      );
      const after = await this.byId(auth.organisationId, certificateId, tx);
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'certificate.revoked',
        subjectType: 'certificate',
        subjectId: certificateId,
        details: { ...subject(after), reason, before: state(before), after: state(after) },
      });
      return toView(after);
    });
  }

  async reinstate(auth: AuthContext, certificateId: string, reason: string): Promise<CertificateView> {
    return this.dataSource.transaction(async (tx) => {
      const before = await this.lockedById(tx, auth.organisationId, certificateId);
      if (!before.revoked_at) throw notRevoked();
      await tx.query(
        `UPDATE certificate SET revoked_at = NULL, revoked_by = NULL, revoke_reason = NULL
          WHERE organisation_id = $1 AND id = $2`,
        [auth.organisationId, certificateId],
      );
      const after = await this.byId(auth.organisationId, certificateId, tx);
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'certificate.reinstated',
        subjectType: 'certificate',
        subjectId: certificateId,
        details: { ...subject(after), reason, before: state(before), after: state(after) },
      });
      return toView(after);
    });
  }

  /**
   * Starts a zip of the certificates of the people list's completed rows for these filters: counts
   * them and records the export in the audit log (committed before the first byte is sent), then
   * hands back the rows batch by batch. Nothing matching is a 422 (no empty zips).
   */
  async startZip(
    auth: AuthContext,
    filters: ZipQuery,
  ): Promise<{ count: number; batches: () => AsyncGenerator<CertificateRow[]> }> {
    const params: unknown[] = [auth.organisationId];
    const { from, where } = progressFilterSql(filters, params);
    const rowsSql = `${from}
      JOIN completion c ON c.assignment_id = a.id
      JOIN certificate ce ON ce.completion_id = c.id
     WHERE ${where}`;
    const count = await this.dataSource.transaction(async (tx) => {
      const [row] = await tx.query<{ n: number }[]>(`SELECT count(*)::int AS n ${rowsSql}`, params);
      const n = row?.n ?? 0;
      if (n === 0) throw noCertificates();
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'certificates.exported',
        subjectType: 'certificate',
        subjectId: null,
        details: { filters: definedOnly(filters), count: n },
      });
      return n;
    });
    const dataSource = this.dataSource;
    async function* batches(): AsyncGenerator<CertificateRow[]> {
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const batch = await dataSource.query<CertificateRow[]>(
          `WITH p AS (SELECT ce.id ${rowsSql} AND ce.id > $${params.length + 1} ORDER BY ce.id LIMIT ${ZIP_BATCH})
           ${SELECT_CERTIFICATES} JOIN p ON p.id = ce.id ORDER BY ce.id`,
          [...params, after],
        );
        if (batch.length === 0) return;
        yield batch;
        after = batch.at(-1)!.id;
        if (batch.length < ZIP_BATCH) return;
      }
    }
    return { count, batches };
  }

  private async lockedById(tx: EntityManager, organisationId: string, certificateId: string) {
    const [locked] = await tx.query<{ id: string }[]>(
      `SELECT id FROM certificate WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [organisationId, certificateId],
    );
    if (!locked) throw notFound('The certificate');
    return this.byId(organisationId, certificateId, tx);
  }
}

function definedOnly(filters: ZipQuery): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
}

/** What the audit event names, so the log reads without looking anything up. */
function subject(row: CertificateRow) {
  return {
    code: row.code,
    person: { id: row.user_id, name: row.person },
    module: row.module,
    cycle: row.cycle,
  };
}

function state(row: CertificateRow) {
  return {
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    revokedBy: row.revoked_by,
    revokeReason: row.revoke_reason,
  };
}

function toView(row: CertificateRow): CertificateView {
  return {
    id: row.id,
    code: row.code,
    assignmentId: row.assignment_id,
    module: { id: row.module_id, title: row.module },
    version: row.version,
    cycle: row.cycle,
    completedAt: new Date(row.completed_at).toISOString(),
    scorePercent: row.score,
    issuedAt: new Date(row.issued_at).toISOString(),
    revocation: row.revoked_at
      ? {
          at: new Date(row.revoked_at).toISOString(),
          by:
            row.revoked_by && row.revoked_by_name ? { id: row.revoked_by, name: row.revoked_by_name } : null,
          reason: row.revoke_reason ?? '',
        }
      : null,
  };
}
