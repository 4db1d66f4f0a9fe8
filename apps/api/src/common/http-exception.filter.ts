import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorResponse } from '@countersign/contracts/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error.js';
import { isScimPath, SCIM_CONTENT_TYPE, scimErrorBody } from './scim-error-body.js';

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

/**
 * Maps every error to `{ statusCode, code, message, details? }`, or on /scim/v2 to SCIM's error
 * shape (RFC 7644 §3.12). Stack traces stay in the log.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<FastifyReply>();
    const url = host.switchToHttp().getRequest<FastifyRequest>()?.url ?? '';
    const send = (body: ErrorResponse) => {
      if (res.sent) return;
      if (!isScimPath(url)) return void res.code(body.statusCode).send(body);
      const scim = scimErrorBody(body, exception);
      void res.code(scim.status).type(SCIM_CONTENT_TYPE).send(scim.json);
    };
    const unavailable = databaseUnavailable(exception);
    if (unavailable) {
      // Overload or an outage, not a bug: say when to try again instead of a 500.
      this.logger.warn(`${unavailable.code}: ${(exception as Error).message}`);
      if (!res.sent) res.header('Retry-After', String(RETRY_AFTER_SECONDS));
      send(unavailable);
      return;
    }
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
    const retryAfter = retryAfterSeconds(body);
    if (retryAfter !== undefined && !res.sent) res.header('Retry-After', String(retryAfter));
    send(body);
  }

  private toBody(exception: unknown): ErrorResponse {
    // Errors raised while Fastify reads a request reach here wrapped in an HttpException.
    if (exception instanceof HttpException && exception.cause) {
      if (exception.cause instanceof DomainError) return this.toBody(exception.cause);
      const fromFastify = fastifyRequestError(exception.cause);
      if (fromFastify) return fromFastify;
    }
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

/** A 429 or 503 whose details say how long to wait (e.g. a sign-in lock-out) sends it as Retry-After. */
function retryAfterSeconds(body: ErrorResponse): number | undefined {
  if (body.statusCode !== 429 && body.statusCode !== 503) return undefined;
  const seconds = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds > 0 ? seconds : undefined;
}

function clean(body: ErrorResponse): ErrorResponse {
  if (body.details === undefined) delete body.details;
  return body;
}

/** What a client told "try again" should wait, in seconds. */
const RETRY_AFTER_SECONDS = 2;

/** PostgreSQL error classes that mean "the database cannot serve now", not "this request is wrong". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57014', // statement timeout (or cancel)
  '57P01', // admin shutdown
  '57P02', // crash shutdown
  '57P03', // cannot connect now (starting up, recovering)
  '53300', // too many connections
  '08000',
  '08003',
  '08006', // connection failures
]);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/**
 * The pool gave up waiting for a free connection, a statement ran past its timeout, or the
 * database is restarting or unreachable: 503 with Retry-After. Anything else is left to the filter.
 */
export function databaseUnavailable(exception: unknown): ErrorResponse | null {
  const e = exception as {
    message?: string;
    code?: string;
    driverError?: { code?: string; message?: string };
  };
  if (!e || typeof e !== 'object') return null;
  const message = e.driverError?.message ?? e.message ?? '';
  const code = e.driverError?.code ?? e.code ?? '';
  if (/timeout exceeded when trying to connect/i.test(message)) {
    return {
      statusCode: 503,
      code: 'database_busy',
      message: 'The server is busy right now. Please try again in a moment.',
    };
  }
  if (
    UNAVAILABLE_SQLSTATES.has(code) ||
    UNAVAILABLE_NODE_CODES.has(code) ||
    /Connection terminated|terminating connection|Client has encountered a connection error/i.test(message)
  ) {
    return {
      statusCode: 503,
      code: code === '57014' ? 'database_timeout' : 'database_unavailable',
      message: 'The database is not answering right now. Please try again in a moment.',
    };
  }
  return null;
}

/** Fastify's errors about a request it could not read, in the API's own words. */
function fastifyRequestError(cause: unknown): ErrorResponse | null {
  const code = (cause as { code?: string })?.code ?? '';
  switch (code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        statusCode: 415,
        code: 'unsupported_media_type',
        message: 'Send the request body as JSON (Content-Type: application/json).',
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { statusCode: 413, code: 'payload_too_large', message: 'The request body is too large.' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        statusCode: 400,
        code: 'invalid_json',
        message: 'The request body is empty: send JSON, or no Content-Type header.',
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { statusCode: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' };
  }
  if (cause instanceof SyntaxError || /^FST_(PROTO|CONSTRUCTOR)_VIOLATION$/.test(code)) {
    return { statusCode: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' };
  }
  return null;
}
