import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DatabaseModule, InfraEnv, validateEnv } from '#domain';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { AuditModule } from '../audit/audit.module.js';

/** What the operator commands need: the database and the services they call, no HTTP. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv(InfraEnv) }),
    DatabaseModule.forRoot('cpt-cli'),
    AuditModule,
    ApiKeysModule,
  ],
})
export class CliModule {}
