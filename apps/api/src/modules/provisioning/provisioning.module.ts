import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { SCIM_BASE_PATH } from '@countersign/contracts/provisioning';
import { APP_CONFIG, publicBaseUrl, type AppConfig } from '../../config/config.js';
import { AuditModule } from '../audit/audit.module.js';
import { UsersModule } from '../users/users.module.js';
import { ProvisioningController } from './provisioning.controller.js';
import { ScimController } from './scim.controller.js';
import { ScimGroupsService } from './scim-groups.service.js';
import { declareScim } from './scim-schema.js';
import { ScimThrottle } from './scim-throttle.service.js';
import { ScimTokenGuard } from './scim-token.guard.js';
import { ScimTokensService } from './scim-tokens.service.js';
import { ScimUsersService } from './scim-users.service.js';

/**
 * Directory sync: SCIM 2.0 at /scim/v2 for identity providers, and the tokens they use, managed
 * at /api/provisioning/tokens. Depends on users (people and departments are changed only through
 * their services), never the other way round.
 */
@Module({
  imports: [AuditModule, UsersModule],
  controllers: [ProvisioningController, ScimController],
  providers: [ScimTokensService, ScimThrottle, ScimTokenGuard, ScimUsersService, ScimGroupsService],
})
export class ProvisioningModule implements OnModuleInit {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    declareScim(`${publicBaseUrl(this.config)}${SCIM_BASE_PATH}`);
  }
}
