import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { DemoModule } from './demo/demo.module.js';
import { ApproachesModule } from './modules/approaches/approaches.module.js';
import { AssignmentsModule } from './modules/assignments/assignments.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { AuthoringModule } from './modules/authoring/authoring.module.js';
import { CertificatesModule } from './modules/certificates/certificates.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { JobsModule } from './modules/jobs/jobs.module.js';
import { LearningModule } from './modules/learning/learning.module.js';
import { MediaModule } from './modules/media/media.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { OrganisationsModule } from './modules/organisations/organisations.module.js';
import { ProgrammeModule } from './modules/programme/programme.module.js';
import { ProgressModule } from './modules/progress/progress.module.js';
import { ProvisioningModule } from './modules/provisioning/provisioning.module.js';
import { SettingsModule } from './modules/settings/settings.module.js';
import { SsoModule } from './modules/sso/sso.module.js';
import { TrainingFeatureModule } from './modules/training/training.module.js';
import { UsersModule } from './modules/users/users.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Never log credentials, session cookies or SCIM bearer tokens.
            redact: [
              'req.headers.cookie',
              'req.headers["x-csrf-token"]',
              'req.headers.authorization',
              'res.headers["set-cookie"]',
            ],
            // Request lines are logged at info; at warn and above the hot path skips them entirely.
            autoLogging: ['fatal', 'error', 'warn', 'silent'].includes(config.LOG_LEVEL)
              ? false
              : { ignore: (req) => req.url?.startsWith('/api/health') ?? false },
          },
        }),
        TypeOrmModule.forRoot(
          dataSourceOptions(databaseUrl, {
            poolSize: config.DATABASE_POOL_SIZE,
            acquireTimeoutMs: config.DATABASE_ACQUIRE_TIMEOUT_MS,
            statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
          }),
        ),
        JobsModule,
        HealthModule,
        AuthModule,
        OrganisationsModule,
        UsersModule,
        TrainingFeatureModule,
        MediaModule,
        AuthoringModule,
        AssignmentsModule,
        LearningModule,
        ProgressModule,
        CertificatesModule,
        ProgrammeModule,
        AuditModule,
        SettingsModule,
        SsoModule,
        NotificationsModule,
        ApproachesModule,
        ProvisioningModule,
        DemoModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }
}
