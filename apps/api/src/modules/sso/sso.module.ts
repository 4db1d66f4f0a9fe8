import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { UsersModule } from '../users/users.module.js';
import { OidcClientService } from './oidc-client.service.js';
import { SsoAuthController } from './sso-auth.controller.js';
import { SsoConnectionService } from './sso-connection.service.js';
import { SsoProvisioningService } from './sso-provisioning.service.js';
import { SsoSignInService } from './sso-sign-in.service.js';
import { SsoController } from './sso.controller.js';

/** OpenID Connect single sign-on, one connection per organisation. Builds on auth and users. */
@Module({
  imports: [AuditModule, AuthModule, UsersModule],
  controllers: [SsoController, SsoAuthController],
  providers: [OidcClientService, SsoConnectionService, SsoProvisioningService, SsoSignInService],
})
export class SsoModule {}
