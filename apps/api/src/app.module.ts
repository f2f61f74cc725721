import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DatabaseModule } from '#database';
import { ClockModule, QueuesModule, validateEnv } from '#runtime';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ContractsModule } from './contracts/contracts.module.js';
import { ApiEnv } from './config/api-env.js';
import { DepartmentsModule } from './departments/departments.module.js';
import { EngagementsModule } from './engagements/engagements.module.js';
import { EvaluationsModule } from './evaluations/evaluations.module.js';
import { HealthModule } from './health/health.module.js';
import { HomeModule } from './home/home.module.js';
import { KpiLibraryModule } from './kpi-library/kpi-library.module.js';
import { KpisModule } from './kpis/kpis.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { MeasurementsModule } from './measurements/measurements.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OcdsModule } from './ocds/ocds.module.js';
import { PaymentsModule } from './payments/payments.module.js';
import { PerformanceEvaluationsModule } from './performance-evaluations/performance-evaluations.module.js';
import { RedisModule } from './redis/redis.module.js';
import { RenewalsModule } from './renewals/renewals.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { SolicitationsModule } from './solicitations/solicitations.module.js';
import { VendorsModule } from './vendors/vendors.module.js';

@Module({
  imports: [
    ClockModule,
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv(ApiEnv) }),
    LoggingModule,
    DatabaseModule.forRoot('cpt-api'),
    RedisModule,
    QueuesModule.forRoot('fail-fast'),
    AuthModule,
    AuditModule,
    HealthModule,
    HomeModule,
    ApiKeysModule,
    DepartmentsModule,
    SolicitationsModule,
    ContractsModule,
    KpisModule,
    KpiLibraryModule,
    MeasurementsModule,
    PaymentsModule,
    EngagementsModule,
    VendorsModule,
    EvaluationsModule,
    NotificationsModule,
    OcdsModule,
    ReportsModule,
    PerformanceEvaluationsModule,
    RenewalsModule,
  ],
})
export class AppModule {}
