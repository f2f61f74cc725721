import { NestFactory } from '@nestjs/core';
import { loadEnv } from '#runtime';
import { Logger } from 'nestjs-pino';
import { WorkerEnv } from './config/worker-env.js';
import { assertRedisKeepsJobs } from './redis-eviction-policy.js';
import { WorkerModule } from './worker.module.js';

async function bootstrap(): Promise<void> {
  const env = loadEnv(WorkerEnv);
  await assertRedisKeepsJobs(env.REDIS_URL);
  // An application context, not an HTTP app: the worker only talks to Redis, PostgreSQL and SMTP.
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  const logger = app.get(Logger);
  app.useLogger(logger);
  logger.log(`worker started queuePrefix=${env.QUEUE_PREFIX}`, 'Worker');

  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`signal=${signal} stopping: active jobs finish, no new ones start`, 'Worker');
    await app.close();
    logger.log('worker stopped', 'Worker');
    process.exit(0);
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
