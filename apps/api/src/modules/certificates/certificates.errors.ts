import { UNKNOWN_CERTIFICATE } from '@countersign/contracts/certificates';
import { conflict, DomainError, unprocessable } from '../../common/domain-error.js';

export const unknownCertificate = () =>
  new DomainError(404, UNKNOWN_CERTIFICATE, 'We do not know this certificate code.');

export const alreadyRevoked = () =>
  conflict('certificate_already_revoked', 'This certificate is already revoked.');

export const notRevoked = () =>
  conflict('certificate_not_revoked', 'This certificate is not revoked, so there is nothing to reinstate.');

export const noCertificates = () =>
  unprocessable(
    'no_certificates',
    'No completed training matches these filters, so there is no certificate to download.',
  );

export const verifyThrottled = (retryAfterSeconds: number) =>
  new DomainError(
    429,
    'too_many_verifications',
    'Too many certificate checks from this address. Try again in a minute.',
    {
      retryAfterSeconds,
    },
  );
