import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { User } from '../users/user.entity.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { CredentialsService } from './credentials.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordController } from './password.controller.js';
import {
  PersonSecondFactorController,
  SecondFactorController,
  SecondFactorSignInController,
} from './second-factor.controller.js';
import { SecondFactorService } from './second-factor.service.js';
import { Session } from './session.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, Organisation]), AuditModule, NotificationsModule],
  controllers: [
    AuthController,
    PasswordController,
    SecondFactorSignInController,
    SecondFactorController,
    PersonSecondFactorController,
  ],
  providers: [
    AuthService,
    CredentialsService,
    LoginThrottleService,
    SecondFactorService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, CredentialsService],
})
export class AuthModule {}
