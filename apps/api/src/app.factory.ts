import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { type INestApplicationContext, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { DomainError } from './common/domain-error.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { ATTACHMENT_UPLOAD_PATH } from './modules/approaches/attachment-upload.interceptor.js';
import { MODULE_IMPORT_PATH } from './modules/authoring/authoring-input.js';
import { MEDIA_UPLOAD_PATH } from './modules/media/media-upload.interceptor.js';
import { isScimPath, SCIM_CONTENT_TYPE, SCIM_ERROR_SCHEMA } from './common/scim-error-body.js';
import { PEOPLE_IMPORT_UPLOAD_PATH } from './modules/users/people-import-upload.interceptor.js';

/** The routes that take a multipart body (one file each); every other body must be JSON. */
const MULTIPART_UPLOAD_PATHS = [ATTACHMENT_UPLOAD_PATH, MEDIA_UPLOAD_PATH, PEOPLE_IMPORT_UPLOAD_PATH];

const KB = 1024;
const JSON_LIMIT = 256 * KB;
/** A module document carries its images (base64), so its import may be larger. */
const MODULE_IMPORT_JSON_LIMIT = 40 * KB * KB;
/** A SCIM group's full membership (Okta's "replace members") names every member: tens of thousands. */
const SCIM_JSON_LIMIT = 4 * KB * KB;

/** helmet's own value: a year, subdomains included. */
const HSTS = 'max-age=31536000; includeSubDomains';

export type CountersignApp = NestFastifyApplication;

/**
 * Builds the HTTP application: used by main.ts and by the integration tests, so tests exercise
 * exactly the hooks, filters and routes that production runs. Fastify, not Express: on the
 * learner's hot path it measured several times the throughput under NestJS (bench/write-path).
 */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<CountersignApp> {
  const adapter = new FastifyAdapter({
    // X-Forwarded-For is believed for exactly the configured number of proxies in front.
    trustProxy: (_address: string, hop: number) => hop < config.TRUST_PROXY_HOPS,
    // The largest body any route takes; each route's own limit is enforced in preParsing below.
    bodyLimit: MODULE_IMPORT_JSON_LIMIT,
    // Nobody waits forever on a slow client either.
    requestTimeout: 120_000,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl),
    adapter,
    {
      bufferLogs: true,
      bodyParser: false, // Fastify's own JSON parser (with prototype-poisoning protection) serves
    },
  );
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // Bodies are JSON, or multipart on the upload routes: no text/plain, no forms.
  fastify.removeContentTypeParser('text/plain');
  // SCIM clients send application/scim+json (RFC 7644 §3.1): JSON, read by the same parser.
  fastify.addContentTypeParser(
    'application/scim+json',
    { parseAs: 'string' },
    fastify.getDefaultJsonParser('error', 'error'),
  );

  await app.register(fastifyHelmet as never, {
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"], // Mantine/Emotion-free CSS variables set inline
        'img-src': ["'self'", 'data:', 'blob:'],
        'upgrade-insecure-requests': null,
      },
    },
    // Set below, only on answers that went out over HTTPS.
    strictTransportSecurity: false,
  });
  await app.register(fastifyCookie as never);
  await app.register(fastifyMultipart as never);

  // HSTS only when the request came over HTTPS: directly, or through a proxy that TRUST_PROXY_HOPS
  // trusts and that says so in X-Forwarded-Proto. Over plain HTTP the header means nothing (browsers
  // ignore it there) and would only claim a promise this deployment may not keep.
  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.protocol === 'https') void reply.header('Strict-Transport-Security', HSTS);
  });
  // API answers carry personal data and the CSRF token: no browser or proxy keeps them, unless the
  // route says otherwise (images set their own long caching; downloads `private, no-store`).
  fastify.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if ((req.url.startsWith('/api/') || isScimPath(req.url)) && !reply.hasHeader('cache-control'))
      void reply.header('Cache-Control', 'no-store');
    return payload;
  });

  fastify.addHook('preParsing', async (req: FastifyRequest, _reply: FastifyReply, payload: Readable) => {
    const scim = isScimPath(req.url);
    if ((!req.url.startsWith('/api/') && !scim) || !['POST', 'PUT', 'PATCH'].includes(req.method))
      return payload;
    const apiPath = pathOf(req.url).slice('/api'.length);
    const contentType = String(req.headers['content-type'] ?? '');
    if (/^multipart\/form-data/i.test(contentType)) {
      if (scim) throw unsupportedBody();
      // A form post from another site cannot smuggle a request in: multipart only on the
      // uploads, which like every state-changing route still need the X-CSRF-Token header.
      if (req.method === 'POST' && MULTIPART_UPLOAD_PATHS.some((pattern) => pattern.test(apiPath)))
        return payload;
      throw unsupportedBody();
    }
    const limit = scim
      ? SCIM_JSON_LIMIT
      : req.method === 'POST' && MODULE_IMPORT_PATH.test(apiPath)
        ? MODULE_IMPORT_JSON_LIMIT
        : JSON_LIMIT;
    if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
    return limitBytes(payload, limit);
  });

  // Everything under /api, except SCIM: identity providers are given /scim/v2 as the base URL.
  app.setGlobalPrefix('api', { exclude: [{ path: 'scim/v2/{*rest}', method: RequestMethod.ALL }] });
  app.enableShutdownHooks();

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Countersign API')
      .setDescription(
        'Security-awareness training against hostile approaches. Sign in with POST /api/auth/login; the session ' +
          'is an httpOnly cookie, and state-changing requests need the X-CSRF-Token header from the session response.',
      )
      .setVersion('0.1.0')
      .addCookieAuth(
        'countersign_session',
        { type: 'apiKey', in: 'cookie', name: 'countersign_session' },
        'session',
      )
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', description: 'A SCIM token (cs_scim_…), for /scim/v2 only.' },
        'scim',
      )
      .build(),
  );
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });

  await serveWeb(app, fastify, config.WEB_DIST);
  return app;
}

/** Completes start-up for callers that do not listen (tests): Nest's init, then Fastify's plugins. */
export async function initApp(app: CountersignApp): Promise<void> {
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function unsupportedBody(): DomainError {
  return new DomainError(
    415,
    'unsupported_media_type',
    'Send the request body as JSON (Content-Type: application/json).',
  );
}

function tooLarge(limit: number): DomainError {
  const readable = limit >= KB * KB ? `${limit / KB / KB} MB` : `${limit / KB} kB`;
  const error = new DomainError(413, 'payload_too_large', `The request body is larger than ${readable}.`);
  // Fastify keeps the status of an error raised while reading the body only as `statusCode`.
  return Object.assign(error, { statusCode: 413 });
}

/** Passes the body through, failing with 413 as soon as it grows past `limit` (chunked bodies too). */
function limitBytes(payload: Readable, limit: number): Readable {
  let seen = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(tooLarge(limit));
      else done(null, chunk);
    },
  });
  payload.on('error', (error) => counted.destroy(error));
  return payload.pipe(counted);
}

/**
 * Serves the built web app: hashed assets cached for good, precompressed (brotli or gzip, chosen
 * by Accept-Encoding, with Vary) when the build made them; every other GET outside /api gets
 * index.html (the single-page app's routes), never cached so a new release is picked up.
 */
async function serveWeb(app: CountersignApp, fastify: FastifyInstance, dist: string): Promise<void> {
  const index = path.join(dist, 'index.html');
  if (!dist || !existsSync(index)) return;
  const html = readFileSync(index);
  await app.register(fastifyStatic as never, {
    root: path.resolve(dist),
    index: false,
    wildcard: false,
    preCompressed: true,
    maxAge: '1h',
    setHeaders: (reply: FastifyReply, file: string) => {
      if (file.includes(`${path.sep}assets${path.sep}`))
        void reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  fastify.get('/*', (req, reply) => {
    if (pathOf(req.url).startsWith('/api')) {
      return reply
        .code(404)
        .send({ statusCode: 404, code: 'not_found', message: `Cannot GET ${pathOf(req.url)}` });
    }
    if (isScimPath(req.url)) {
      return reply
        .code(404)
        .type(SCIM_CONTENT_TYPE)
        .send({
          schemas: [SCIM_ERROR_SCHEMA],
          status: '404',
          detail: `There is no SCIM endpoint ${pathOf(req.url)}.`,
        });
    }
    return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
}

/**
 * Applies pending migrations; start-up and tests both go through here. On connections of their
 * own without the app's statement timeout: a backfill on a large database may take minutes.
 */
export async function runMigrations(app: INestApplicationContext): Promise<string[]> {
  const url = (app.get(DataSource).options as { url: string }).url;
  const migrator = new DataSource(dataSourceOptions(url, { poolSize: 2 }));
  await migrator.initialize();
  // API replicas and workers starting together: one migrates, the others wait, then find nothing to do.
  const lock = migrator.createQueryRunner();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('countersign.migrations'))`);
    const applied = await migrator.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.release(); // closing the session below releases the lock
    await migrator.destroy();
  }
}
