import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { DefaultJobOptions, RedisOptions } from 'bullmq';
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

/** How a process's queue connections behave while Redis is away. */
export type QueueConnectionMode = 'wait' | 'fail-fast';

const CONNECTION_OPTIONS: Record<QueueConnectionMode, RedisOptions> = {
  // The worker: its connections, the blocking ones among them, wait through reconnects rather than fail commands.
  wait: { maxRetriesPerRequest: null },
  // The API adds jobs on behalf of a request: no offline queue, so a command fails at once while disconnected, and
  // one that gets no answer fails after 1.5 s. The request answers 503 instead of waiting for Redis. Reconnecting
  // at least every second (BullMQ's own default backs off to 20 s), the API takes jobs again as soon as Redis is back.
  'fail-fast': {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    commandTimeout: 1500,
    retryStrategy: (times: number) => Math.min(times * 100, 1000),
  },
};

/**
 * BullMQ on REDIS_URL under QUEUE_PREFIX, with every queue registered, for the API (which adds jobs, `fail-fast`)
 * and the worker (which processes them, `wait`). Global, so any feature module can inject a queue. Send jobs carry
 * the email retry schedule, whoever adds them: the worker's back-off strategy for MAIL_BACKOFF doubles their delay
 * per attempt.
 */
@Module({})
export class QueuesModule {
  static forRoot(mode: QueueConnectionMode): DynamicModule {
    return {
      module: QueuesModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<AppEnv, true>) => ({
            connection: { url: config.get('REDIS_URL'), ...CONNECTION_OPTIONS[mode] },
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
    };
  }
}
