import { existsSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { DomainError } from './common/domain-error.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { ATTACHMENT_UPLOAD_PATH } from './modules/approaches/attachment-upload.interceptor.js';
import { MODULE_IMPORT_PATH } from './modules/authoring/authoring-input.js';
import { MEDIA_UPLOAD_PATH } from './modules/media/media-upload.interceptor.js';

/** The routes that take a multipart body (one file each); every other body must be JSON. */
const MULTIPART_UPLOAD_PATHS = [ATTACHMENT_UPLOAD_PATH, MEDIA_UPLOAD_PATH];

const JSON_LIMIT = '256kb';
/** A module document carries its images (base64), so its import may be larger. */
const MODULE_IMPORT_JSON_LIMIT = '40mb';

/**
 * Builds the HTTP application: used by main.ts and by the integration tests, so tests exercise
 * exactly the middleware, filters and routes that production runs.
 */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"], // Mantine/Emotion-free CSS variables set inline
          'img-src': ["'self'", 'data:', 'blob:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(cookieParser());
  const json = express.json({ limit: JSON_LIMIT });
  const importJson = express.json({ limit: MODULE_IMPORT_JSON_LIMIT });
  app.use('/api', (req: Request, res: Response, next: NextFunction) => {
    const isImport = req.method === 'POST' && MODULE_IMPORT_PATH.test(req.path);
    const parse = isImport ? importJson : json;
    parse(req, res, (error?: unknown) =>
      next(error ? bodyError(error, isImport ? MODULE_IMPORT_JSON_LIMIT : JSON_LIMIT) : undefined),
    );
  });
  app.use('/api', (req: Request, _res: Response, next: NextFunction) => {
    // Bodies must be JSON: a form post from another site cannot smuggle a request in. The
    // exceptions are the file uploads (screenshots, authored images), which take multipart and,
    // like every state-changing route, still need the X-CSRF-Token header that a form on another
    // site cannot send.
    if (
      ['POST', 'PUT', 'PATCH'].includes(req.method) &&
      req.headers['content-length'] !== '0' &&
      req.body === undefined &&
      req.headers['content-type'] &&
      !(
        req.method === 'POST' &&
        MULTIPART_UPLOAD_PATHS.some((pattern) => pattern.test(req.path)) &&
        req.is('multipart/form-data')
      )
    ) {
      return next(
        new DomainError(
          415,
          'unsupported_media_type',
          'Send the request body as JSON (Content-Type: application/json).',
        ),
      );
    }
    next();
  });
  app.setGlobalPrefix('api');
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
      .build(),
  );
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });

  serveWeb(app, config.WEB_DIST);
  return app;
}

/** Body-parser failures become clear 4xx errors instead of leaking parser messages. */
function bodyError(error: unknown, limit: string): DomainError {
  const e = error as { type?: string; status?: number };
  if (e.type === 'entity.too.large')
    return new DomainError(413, 'payload_too_large', `The request body is larger than ${readable(limit)}.`);
  if (e.type === 'entity.parse.failed')
    return new DomainError(400, 'invalid_json', 'The request body is not valid JSON.');
  if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
    return new DomainError(415, 'unsupported_media_type', 'Send the request body as UTF-8 JSON.');
  }
  return new DomainError(
    e.status && e.status < 500 ? e.status : 400,
    'bad_request',
    'The request body could not be read.',
  );
}

/** `256kb` → `256 kB`, `40mb` → `40 MB`. */
function readable(limit: string): string {
  return limit.replace(
    /^(\d+)(kb|mb)$/,
    (_m, n: string, unit: string) => `${n} ${unit === 'kb' ? 'kB' : 'MB'}`,
  );
}

/** Serves the built web app with a single-page-app fallback; /api stays with Nest. */
function serveWeb(app: NestExpressApplication, dist: string): void {
  const index = path.join(dist, 'index.html');
  if (!dist || !existsSync(index)) return;
  app.use(express.static(dist, { index: false, maxAge: '1h', setHeaders: immutableAssets }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

function immutableAssets(res: Response, file: string): void {
  if (file.includes(`${path.sep}assets${path.sep}`))
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}

/**
 * Applies pending migrations; start-up and tests both go through here. On a connection of its
 * own without the app's statement timeout: a backfill on a large database may take minutes.
 */
export async function runMigrations(app: NestExpressApplication): Promise<string[]> {
  const url = (app.get(DataSource).options as { url: string }).url;
  const migrator = new DataSource(dataSourceOptions(url, { poolSize: 1 }));
  await migrator.initialize();
  try {
    const applied = await migrator.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await migrator.destroy();
  }
}
