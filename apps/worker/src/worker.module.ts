import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { DatabaseModule, logOptions, validateEnv } from '#domain';
import { LoggerModule } from 'nestjs-pino';
import { WorkerEnv } from './config/worker-env.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnv(WorkerEnv) }),
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<WorkerEnv, true>) => ({
        pinoHttp: logOptions('worker', config.get('LOG_LEVEL')),
      }),
    }),
    DatabaseModule.forRoot('cpt-worker'),
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<WorkerEnv, true>) => ({
        // BullMQ workers block on Redis and must wait through reconnects rather than fail their commands.
        connection: { url: config.get('REDIS_URL'), maxRetriesPerRequest: null },
        prefix: config.get('QUEUE_PREFIX'),
      }),
    }),
  ],
})
export class WorkerModule {}
