import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorResponse } from '@countersign/contracts/common';
import type { Response } from 'express';
import { DomainError } from './domain-error.js';

const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
};

/** Maps every error to `{ statusCode, code, message, details? }`. Stack traces stay in the log. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorResponse {
    if (exception instanceof DomainError) {
      return clean({
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        details: exception.details,
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const raw =
        typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      const message = Array.isArray(raw.message)
        ? raw.message.join('; ')
        : String(raw.message ?? exception.message);
      return clean({
        statusCode: status,
        code:
          typeof raw.code === 'string'
            ? raw.code
            : (STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'error')),
        message: status >= 500 ? 'Something went wrong on our side. Please try again.' : message,
        details: raw.details,
      });
    }
    return {
      statusCode: 500,
      code: 'internal_error',
      message: 'Something went wrong on our side. Please try again.',
    };
  }
}

function clean(body: ErrorResponse): ErrorResponse {
  if (body.details === undefined) delete body.details;
  return body;
}
