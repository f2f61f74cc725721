import { IsIn, IsString, Matches } from 'class-validator';
import { IsServiceUrl } from './env-validators.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What every process needs: where PostgreSQL and Redis are, and how to log. */
export class InfraEnv {
  @IsServiceUrl(['postgres', 'postgresql'])
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/contracts';

  @IsServiceUrl(['redis', 'rediss'])
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  /** Namespace of every BullMQ key, so several installations (or test runs) can share one Redis. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'QUEUE_PREFIX must be 1-32 letters, digits, "-" or "_"' })
  QUEUE_PREFIX: string = 'cpt';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';
}
