import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { logOptions } from '#runtime';
import { LoggerModule } from 'nestjs-pino';
import { pino } from 'pino';
import type { ApiEnv } from '../config/api-env.js';

// Middie hands middleware a URL relative to the mount point; the original is what was asked for.
const pathOf = (request: IncomingMessage): string =>
  (request as { originalUrl?: string }).originalUrl ?? request.url ?? '';

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<ApiEnv, true>) => ({
        pinoHttp: [
          {
            ...logOptions('api', config.get('LOG_LEVEL')),
            // The request id comes from Fastify (see createFastifyAdapter), which sets it on the request first.
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
            // Health probes arrive every few seconds; logging them buries everything else.
            autoLogging: { ignore: (request) => pathOf(request).startsWith('/health') },
            serializers: {
              req: (request: { id: string; method: string; url: string }) => ({
                id: request.id,
                method: request.method,
                url: request.url,
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
          },
          // Written asynchronously: lines that arrive while a write is under way go out together, instead of a
          // blocking write per request (a tenth of the API's CPU under load in the contracts benchmark). Pino
          // flushes what is pending when the process exits; only a hard kill can lose the last few lines.
          pino.destination({ dest: 1, sync: false }),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
