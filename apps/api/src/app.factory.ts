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
import { ATTACHMENT_UPLOAD_PATH } from './modules/approaches/attachment-upload.interceptor.js';

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
  const json = express.json({ limit: '256kb' });
  app.use('/api', (req: Request, res: Response, next: NextFunction) =>
    json(req, res, (error?: unknown) => next(error ? bodyError(error) : undefined)),
  );
  app.use('/api', (req: Request, _res: Response, next: NextFunction) => {
    // Bodies must be JSON: a form post from another site cannot smuggle a request in. The one
    // exception is the screenshot upload, which takes multipart and, like every state-changing
    // route, still needs the X-CSRF-Token header that a form on another site cannot send.
    if (
      ['POST', 'PUT', 'PATCH'].includes(req.method) &&
      req.headers['content-length'] !== '0' &&
      req.body === undefined &&
      req.headers['content-type'] &&
      !(req.method === 'POST' && ATTACHMENT_UPLOAD_PATH.test(req.path) && req.is('multipart/form-data'))
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
function bodyError(error: unknown): DomainError {
  const e = error as { type?: string; status?: number };
  if (e.type === 'entity.too.large')
    return new DomainError(413, 'payload_too_large', 'The request body is larger than 256 kB.');
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

/** Applies pending migrations; start-up and tests both go through here. */
export async function runMigrations(app: NestExpressApplication): Promise<string[]> {
  const applied = await app.get(DataSource).runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
