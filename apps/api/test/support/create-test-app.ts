import { ConfigService } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { Clock } from '#domain';
import { CLOCK, loadEnv } from '#runtime';
import { httpClient, type HttpClient } from '#testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { ApiEnv } from '../../src/config/api-env.js';
import { configureApp, createFastifyAdapter, NEST_APP_OPTIONS } from '../../src/configure-app.js';

export type TestApp = {
  app: NestFastifyApplication;
  url: string;
  http: HttpClient;
  dataSource: DataSource;
  close(): Promise<void>;
};

/**
 * The real AppModule, configured exactly as main.ts does, listening on a free port: tests speak HTTP to it.
 * `overrides` adjust the HTTP edge's settings (limits) for one test file; `clock` pins the time it reads;
 * `settings` are what the app's services read from their configuration instead of the environment's values
 * (the environment is read once per test process, so one file can run apps with different settings).
 */
export async function createTestApp(
  overrides: Partial<ApiEnv> = {},
  { clock, settings = {} }: { clock?: Clock; settings?: Partial<ApiEnv> } = {},
): Promise<TestApp> {
  const env = Object.assign(loadEnv(ApiEnv), overrides);
  const builder = Test.createTestingModule({ imports: [AppModule] });
  if (clock) builder.overrideProvider(CLOCK).useValue(clock);
  const moduleRef = await builder.compile();
  if (Object.keys(settings).length > 0) {
    // This app's own ConfigService instance: other apps of the file keep the environment's values.
    const config = moduleRef.get(ConfigService);
    const read = config.get.bind(config) as (key: string) => unknown;
    config.get = ((key: string) => (Object.hasOwn(settings, key) ? settings[key as keyof ApiEnv] : read(key))) as never;
  }
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(env), NEST_APP_OPTIONS);
  await configureApp(app, env);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, http: httpClient(url), dataSource: app.get(DataSource), close: () => app.close() };
}
