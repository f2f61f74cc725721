import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import type { ApiEnv } from '../config/api-env.js';
import { JobQueueing } from './job-queueing.js';
import { REDIS } from './redis-token.js';

/** A Redis connection for checks and small commands; BullMQ opens its own. */
@Global()
@Module({
  providers: [
    JobQueueing,
    {
      provide: REDIS,
      inject: [ConfigService],
      useFactory: async (config: ConfigService<ApiEnv, true>) => {
        const redis = new Redis(config.get('REDIS_URL'), {
          // Fail a command at once while disconnected instead of queueing it: callers answer 503, not hang.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 2000,
          lazyConnect: true,
        });
        // Connected before the API listens, so readiness is true from the first probe; a Redis that is down
        // does not stop the start (ioredis keeps reconnecting and readiness says 503 meanwhile).
        await redis.connect().catch(() => undefined);
        return redis;
      },
    },
  ],
  exports: [REDIS, JobQueueing],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
