import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DatabaseModule } from '#database';
import { AppEnv, ClockModule, validateEnv } from '#runtime';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { OcdsModule } from '../ocds/ocds.module.js';

/** What the operator commands need: the database and the services they call, no HTTP. */
@Module({
  imports: [
    ClockModule,
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv(AppEnv) }),
    DatabaseModule.forRoot('cpt-cli'),
    AuditModule,
    ApiKeysModule,
    OcdsModule,
  ],
})
export class CliModule {}
