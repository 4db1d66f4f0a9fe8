import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newCertificateCode } from './certificate-code.js';

/**
 * Issues the certificate of a completion, in the transaction that writes the completion, so that a
 * completion never exists without its certificate. Idempotent: a completion has exactly one.
 */
@Injectable()
export class CertificateIssuer {
  async issueForAssignment(tx: EntityManager, organisationId: string, assignmentId: string): Promise<void> {
    await tx.query(
      `INSERT INTO certificate (organisation_id, completion_id, code)
       SELECT c.organisation_id, c.id, $3 FROM completion c
        WHERE c.organisation_id = $1 AND c.assignment_id = $2
       ON CONFLICT (completion_id) DO NOTHING`,
      [organisationId, assignmentId, newCertificateCode()],
    );
  }
}
