/**
 * Where this e2e run's services are, as a process environment: its own database, Redis and queue prefix
 * (global-setup.ts sets them), for the processes a test starts.
 */
export function runEnv(): Record<'DATABASE_URL' | 'REDIS_URL' | 'QUEUE_PREFIX', string> {
  return {
    DATABASE_URL: process.env.DATABASE_URL!,
    REDIS_URL: process.env.REDIS_URL!,
    QUEUE_PREFIX: process.env.QUEUE_PREFIX!,
  };
}
