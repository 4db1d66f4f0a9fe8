import {
  applyDecorators,
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
  type Type,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { catchError, type Observable, throwError } from 'rxjs';
import type { DomainError } from './domain-error.js';

/** A file received through multer's memory storage. */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * multer options for a single-file upload in the form field `file`. Without `dest` or `storage`,
 * multer keeps the file in memory: it is never written to the server's disk. The limits stop a
 * request early (413) instead of buffering an oversized file.
 */
export function singleFileMulterOptions(maxBytes: number) {
  return {
    limits: {
      fileSize: maxBytes,
      files: 1,
      fields: 10,
      fieldSize: 1024,
      parts: 11,
      headerPairs: 50,
    },
  };
}

/**
 * Turns multer's errors (raised by FileInterceptor, which this one wraps) into the API's own: a
 * file over the limit becomes the feature's "too large" error, anything else malformed a 400
 * naming `file`. Each upload route extends it with its own errors.
 */
export abstract class UploadErrorsInterceptor implements NestInterceptor {
  protected abstract tooLarge(): DomainError;
  protected abstract badUpload(reason: string): DomainError;

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => this.translate(error))));
  }

  private translate(error: unknown): unknown {
    if (!(error instanceof Error) || !error.cause) return error;
    const cause = error.cause as { code?: string; field?: string; message?: string };
    if (error instanceof PayloadTooLargeException) return this.tooLarge();
    if (error instanceof BadRequestException || error instanceof UnsupportedMediaTypeException) {
      if (cause.code === 'LIMIT_UNEXPECTED_FILE')
        return this.badUpload(`unexpected file field "${cause.field ?? ''}": the field must be named "file"`);
      if (cause.code === 'LIMIT_FILE_COUNT') return this.badUpload('one file per request');
      return this.badUpload(cause.message ?? error.message);
    }
    return error;
  }
}

/**
 * A route that takes one file as the multipart form field `file`, kept in memory, at most
 * `maxBytes`: documents the body in OpenAPI and translates multer's errors with the feature's
 * own interceptor (which must wrap FileInterceptor, so it comes first).
 */
export function SingleFileUpload(errors: Type<UploadErrorsInterceptor>, maxBytes: number) {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary' } },
      },
    }),
    UseInterceptors(errors, FileInterceptor('file', singleFileMulterOptions(maxBytes))),
  );
}
