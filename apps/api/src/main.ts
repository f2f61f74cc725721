import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadEnv } from '#runtime';
import { AppModule } from './app.module.js';
import { ApiEnv } from './config/api-env.js';
import { configureApp, createFastifyAdapter, NEST_APP_OPTIONS } from './configure-app.js';

async function bootstrap(): Promise<void> {
  const env = loadEnv(ApiEnv);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createFastifyAdapter(env), {
    ...NEST_APP_OPTIONS,
    abortOnError: false,
  });
  await configureApp(app, env);
  await app.listen(env.PORT, '0.0.0.0');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
