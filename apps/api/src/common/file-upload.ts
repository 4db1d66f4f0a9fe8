import {
  applyDecorators,
  createParamDecorator,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  type Type,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { catchError, type Observable, throwError } from 'rxjs';
import type { DomainError } from './domain-error.js';

/** A file received in memory from a multipart body. */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** Limits for a single-file upload in the form field `file`: a request is stopped early, not buffered. */
export function singleFileLimits(maxBytes: number) {
  return { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 50 };
}

/** Why an upload could not be read; the feature's errors interceptor names it in its own words. */
class UploadProblem extends Error {
  constructor(
    readonly kind: 'too_large' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads the one file of a multipart body (field `file`) into memory with @fastify/multipart: it is
 * never written to the server's disk. The route reads it with @ReceivedFile(); a body with no
 * file leaves it unset (the service answers that). Every part is read, so no request is left
 * half-consumed.
 */
function singleFileReader(maxBytes: number): Type<NestInterceptor> {
  @Injectable()
  class SingleFileReader implements NestInterceptor {
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const req = context.switchToHttp().getRequest<FastifyRequest & { uploadedFile?: UploadedFile }>();
      if (!req.isMultipart()) return next.handle();
      try {
        for await (const part of req.parts({ limits: singleFileLimits(maxBytes) })) {
          if (part.type !== 'file') continue;
          if (part.fieldname !== 'file') {
            throw new UploadProblem(
              'malformed',
              `unexpected file field "${part.fieldname}": the field must be named "file"`,
            );
          }
          if (req.uploadedFile) throw new UploadProblem('malformed', 'one file per request');
          const buffer = await part.toBuffer();
          req.uploadedFile = {
            originalname: part.filename,
            mimetype: part.mimetype,
            size: buffer.length,
            buffer,
          };
        }
      } catch (error) {
        if (error instanceof UploadProblem) throw error;
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw new UploadProblem('too_large', 'file too large');
        if (code === 'FST_FILES_LIMIT') throw new UploadProblem('malformed', 'one file per request');
        throw new UploadProblem(
          'malformed',
          (error as Error).message || 'the multipart body could not be read',
        );
      }
      return next.handle();
    }
  }
  return SingleFileReader;
}

/**
 * Turns upload problems into the API's own errors: a file over the limit becomes the feature's
 * "too large" error, anything else malformed a 400 naming `file`. Each upload route extends it
 * with its own errors.
 */
export abstract class UploadErrorsInterceptor implements NestInterceptor {
  protected abstract tooLarge(): DomainError;
  protected abstract badUpload(reason: string): DomainError;

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => this.translate(error))));
  }

  private translate(error: unknown): unknown {
    if (!(error instanceof UploadProblem)) return error;
    return error.kind === 'too_large' ? this.tooLarge() : this.badUpload(error.message);
  }
}

/**
 * A route that takes one file as the multipart form field `file`, kept in memory, at most
 * `maxBytes`: documents the body in OpenAPI and translates upload problems with the feature's
 * own interceptor (which must wrap the reader, so it comes first).
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
    UseInterceptors(errors, singleFileReader(maxBytes)),
  );
}

/** The file a SingleFileUpload route received, or undefined when the body had none. */
export const ReceivedFile = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UploadedFile | undefined =>
    context.switchToHttp().getRequest<FastifyRequest & { uploadedFile?: UploadedFile }>().uploadedFile,
);
