import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { DefaultJobOptions } from 'bullmq';
import type { AppEnv } from './config/app-env.js';
import { MAIL_BACKOFF, mailAttempts, QueueName } from '#domain';

/**
 * Every job's options unless its queue says otherwise. Jobs leave Redis once done: PostgreSQL keeps the outcome,
 * and a job id freed this way can be added again when work has to be re-driven.
 */
export const JOB_DEFAULTS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: true,
};

/**
 * BullMQ on REDIS_URL under QUEUE_PREFIX, with every queue registered, for the API (which adds jobs) and the
 * worker (which processes them). Global, so any feature module can inject a queue. Send jobs carry the email retry
 * schedule, whoever adds them: the worker's back-off strategy for MAIL_BACKOFF doubles their delay per attempt.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppEnv, true>) => ({
        // Blocking BullMQ connections must wait through reconnects rather than fail their commands.
        connection: { url: config.get('REDIS_URL'), maxRetriesPerRequest: null },
        prefix: config.get('QUEUE_PREFIX'),
        defaultJobOptions: JOB_DEFAULTS,
      }),
    }),
    BullModule.registerQueue(
      ...Object.values(QueueName)
        .filter((name) => name !== QueueName.Notifications)
        .map((name) => ({ name })),
    ),
    BullModule.registerQueueAsync({
      name: QueueName.Notifications,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppEnv, true>) => {
        const baseMs = config.get('MAIL_RETRY_BASE_DELAY_MS');
        return {
          defaultJobOptions: {
            ...JOB_DEFAULTS,
            attempts: mailAttempts(baseMs, config.get('MAIL_RETRY_WINDOW_HOURS')),
            backoff: { type: MAIL_BACKOFF, delay: baseMs },
          },
        };
      },
    }),
  ],
  exports: [BullModule],
})
export class QueuesModule {}
