import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { InfraEnv } from './config/infra-env.js';
import { QueueName } from '#domain';

/**
 * BullMQ on REDIS_URL under QUEUE_PREFIX, with every queue registered, for the API (which adds jobs) and the
 * worker (which processes them). Global, so any feature module can inject a queue. Jobs leave Redis once done: PostgreSQL keeps the outcome, and a job id
 * freed this way can be added again when work has to be re-driven.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<InfraEnv, true>) => ({
        // Blocking BullMQ connections must wait through reconnects rather than fail their commands.
        connection: { url: config.get('REDIS_URL'), maxRetriesPerRequest: null },
        prefix: config.get('QUEUE_PREFIX'),
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 5_000 },
          removeOnComplete: true,
          removeOnFail: true,
        },
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  exports: [BullModule],
})
export class QueuesModule {}
