import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_REPORT,
  type ReportStatus,
} from '@countersign/contracts/approaches';
import { conflict, DomainError, notFound, unprocessable } from '../../common/domain-error.js';

/** The errors of approach checks, reports and triage, each with a stable code. */

export const reportNotFound = () => notFound('The report');
export const attachmentNotFound = () => notFound('The attachment');

export const invalidTransition = (from: ReportStatus, to: ReportStatus, allowed: readonly ReportStatus[]) =>
  conflict(
    'invalid_status_transition',
    `A report cannot move from "${from}" to "${to}". From "${from}" it can move to: ${allowed.join(', ')}.`,
    { from, to, allowed },
  );

export const invalidAssignee = () =>
  unprocessable(
    'invalid_assignee',
    'The assignee must be an active security officer or administrator of your organisation.',
    [{ field: 'assigneeId', message: 'must be an active officer or administrator of your organisation' }],
  );

export const occurredInFuture = () =>
  unprocessable('occurred_in_future', 'The date of the approach cannot be in the future.', [
    { field: 'occurredOn', message: 'cannot be in the future' },
  ]);

export const invalidCheckAnswers = (details: { field: string; message: string }[]) =>
  new DomainError(
    400,
    'validation_failed',
    `Invalid body: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`,
    details,
  );

const MB = MAX_ATTACHMENT_BYTES / (1024 * 1024);
const ALLOWED = 'a PNG, JPEG or WebP image';

export const missingFile = () =>
  new DomainError(400, 'validation_failed', 'Attach the screenshot as the multipart form field "file".', [
    { field: 'file', message: 'is required' },
  ]);

export const emptyFile = () =>
  new DomainError(400, 'validation_failed', 'The file is empty.', [{ field: 'file', message: 'is empty' }]);

export const attachmentTooLarge = () =>
  new DomainError(413, 'attachment_too_large', `The file is larger than ${MB} MB.`, [
    { field: 'file', message: `must be at most ${MB} MB` },
  ]);

export const badUpload = (reason: string) =>
  new DomainError(
    400,
    'validation_failed',
    `Send one screenshot as the multipart form field "file" (${reason}).`,
    [{ field: 'file', message: reason }],
  );

export const unsupportedAttachmentType = (detected: string, declared: string) =>
  new DomainError(
    415,
    'unsupported_attachment_type',
    `The file is ${detected}, not ${ALLOWED}. Attach a screenshot (PNG, JPEG or WebP).`,
    { field: 'file', detectedType: detected, declaredType: declared, allowed: ATTACHMENT_TYPES },
  );

export const tooManyAttachments = () =>
  conflict('too_many_attachments', `A report can have at most ${MAX_ATTACHMENTS_PER_REPORT} attachments.`, {
    max: MAX_ATTACHMENTS_PER_REPORT,
  });

export const reportClosed = () =>
  conflict('report_closed', 'This report is closed: screenshots can no longer be added.');
