import { CSRF_HEADER } from '@countersign/contracts/auth-protocol';
import type { ErrorResponse, FieldIssue } from '@countersign/contracts/common';

/** An API failure, carrying the server's `{ statusCode, code, message, details? }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field-level problems of a validation error, keyed by the top-level field name. */
  fieldErrors(): Record<string, string> {
    return this.fieldErrorsBy((field) => field.split('.')[0]!);
  }

  /**
   * The same keyed by the whole path (`due.days`, `audience.departmentIds`), for forms with
   * nested fields; `prefix` is taken off first (a body that wraps the form as `{ rule: … }`).
   */
  fieldErrorsByPath(prefix = ''): Record<string, string> {
    return this.fieldErrorsBy((field) =>
      prefix && field.startsWith(prefix) ? field.slice(prefix.length) : field,
    );
  }

  private fieldErrorsBy(key: (field: string) => string): Record<string, string> {
    if (!Array.isArray(this.details)) return {};
    const errors: Record<string, string> = {};
    for (const issue of this.details as FieldIssue[]) {
      errors[key(String(issue.field))] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
    }
    return errors;
  }

  /** The thing asked for does not exist for this user (an id that is unknown or malformed). */
  get isNotFound(): boolean {
    return this.status === 404 || (this.status === 400 && this.code === 'validation_failed');
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** Calls that answer 401 as part of their normal job, so a 401 must not bounce to /login. */
const AUTH_PATHS = new Set([
  '/auth/login',
  '/auth/session',
  '/auth/login/second-factor',
  '/auth/login/enrol',
  '/auth/login/enrol/confirm',
]);

let csrfToken: string | undefined;

/** Remember the token from the session response; it goes back on every state-changing request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Query parameters; empty values are left out. */
type Query = Readonly<Record<string, unknown>>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

function redirectToLogin(): void {
  const here = `${window.location.pathname}${window.location.search}`;
  if (window.location.pathname === '/login') return;
  window.location.assign(`/login?next=${encodeURIComponent(here)}`);
}

function errorFromBody(status: number, body: Partial<ErrorResponse> | null): ApiError {
  if (body && typeof body.code === 'string' && typeof body.message === 'string') {
    return new ApiError(status, body.code, body.message, body.details);
  }
  return new ApiError(status, 'http_error', `The server could not complete the request (HTTP ${status}).`);
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorResponse> | null;
  return errorFromBody(response.status, body);
}

const networkError = () =>
  new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and try again.');

function headersFor(method: string, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (json) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  return headers;
}

/** Sends one request and answers the response when it is a success; every failure is an ApiError. */
async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers: headersFor(method, options.body !== undefined),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw networkError();
  }

  if (!response.ok) {
    if (response.status === 401 && !AUTH_PATHS.has(path)) redirectToLogin();
    throw await toApiError(response);
  }
  return response;
}

/** The one way the web talks to the API: same-origin JSON with the CSRF header on writes. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

interface UploadOptions {
  /** Called with the share of the body sent so far, 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a multipart form (a file upload). XMLHttpRequest rather than fetch, because only it
 * reports upload progress; errors, CSRF and the 401 bounce work as for `request`.
 */
export function upload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl(path));
    for (const [name, value] of Object.entries(headersFor('POST', false))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        resolve(body as T);
        return;
      }
      if (xhr.status === 401) redirectToLogin();
      reject(errorFromBody(xhr.status, body as Partial<ErrorResponse> | null));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** `attachment; filename="x.json"` (or the RFC 5987 `filename*=`) → `x.json`. */
function fileNameFrom(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const encoded = /filename\*\s*=\s*(?:UTF-8'[^']*')?([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1].trim();
}

/**
 * Downloads a file the API serves (an export) and hands it to the browser's save dialog. Fetched
 * rather than linked, so that a refusal shows as an error instead of saving the error as a file.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await send(path, {});
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameFrom(response.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** An address the API gave us (e.g. an attachment's `url`) as something the browser can load. */
export function apiHref(url: string): string {
  if (/^(https?:)?\/\//i.test(url) || url.startsWith('/api/')) return url;
  return `/api${url.startsWith('/') ? '' : '/'}${url}`;
}

export const apiClient = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
  upload,
  download,
};
