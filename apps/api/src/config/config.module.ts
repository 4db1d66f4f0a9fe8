import { type DynamicModule, Global, Module } from '@nestjs/common';
import { SecretBox } from '../common/secret-box.js';
import { APP_CONFIG, type AppConfig } from './config.js';

/** The configuration, and the SecretBox that encrypts stored secrets under its SECRETS_KEY. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, SecretBox],
      exports: [APP_CONFIG, SecretBox],
    };
  }
}
