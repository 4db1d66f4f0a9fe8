import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { MAX_ATTACHMENT_BYTES } from '@countersign/contracts/approaches';
import { catchError, type Observable, throwError } from 'rxjs';
import { attachmentTooLarge, badUpload } from './approaches.errors.js';

/** The one route that takes a multipart body (app.factory lets only it past the JSON-only rule). */
export const ATTACHMENT_UPLOAD_PATH = /^\/approaches\/reports\/[^/]+\/attachments\/?$/;

/**
 * multer options for a screenshot upload. Without `dest` or `storage`, multer keeps the file in
 * memory: it is never written to the server's disk. The limits stop a request early (413)
 * instead of buffering an oversized file.
 */
export const ATTACHMENT_MULTER_OPTIONS = {
  limits: {
    fileSize: MAX_ATTACHMENT_BYTES,
    files: 1,
    fields: 10,
    fieldSize: 1024,
    parts: 11,
    headerPairs: 50,
  },
};

/**
 * Turns multer's errors (raised by FileInterceptor, which this one wraps) into the API's own:
 * a file over the limit is `attachment_too_large`, anything else malformed is a 400 naming `file`.
 */
@Injectable()
export class AttachmentUploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => translate(error))));
  }
}

function translate(error: unknown): unknown {
  if (!(error instanceof Error) || !error.cause) return error;
  const cause = error.cause as { code?: string; field?: string; message?: string };
  if (error instanceof PayloadTooLargeException) return attachmentTooLarge();
  if (error instanceof BadRequestException || error instanceof UnsupportedMediaTypeException) {
    if (cause.code === 'LIMIT_UNEXPECTED_FILE')
      return badUpload(`unexpected file field "${cause.field ?? ''}": the field must be named "file"`);
    if (cause.code === 'LIMIT_FILE_COUNT') return badUpload('one file per request');
    return badUpload(cause.message ?? error.message);
  }
  return error;
}
