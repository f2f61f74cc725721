import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from './redis-token.js';

/** Longest a request waits for Redis to take a job before it answers 503. */
export const ENQUEUE_TIMEOUT_MS = 1500;

/**
 * Adding jobs on behalf of a request, quickly or not at all. The queues' connections fail commands at once while
 * disconnected (QueuesModule's `fail-fast`), but a queue that has not reached Redis since the API started waits
 * for it: the time limit covers that. A job whose add timed out may still reach Redis later; the worker ignores
 * jobs for runs that are not queued or running, and for emails that are not pending.
 */
@Injectable()
export class JobQueueing {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Whether Redis is known to be away right now (this process's connection to it is down). */
  get unavailable(): boolean {
    return this.redis.status !== 'ready';
  }

  /** Runs `work` on the queues (adding a job), or throws 503 with `message` within ENQUEUE_TIMEOUT_MS. */
  async within(message: string, work: () => Promise<unknown>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([work(), timeout]);
    } catch {
      throw new ServiceUnavailableException(message);
    } finally {
      clearTimeout(timer);
    }
  }
}
