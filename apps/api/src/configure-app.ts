import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { RequestMethod } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { registerCsvStreamParsers } from './common/csv-stream.js';
import { errorBody } from './common/error-body.js';
import { ErrorResponseFilter } from './common/error-response.filter.js';
import {
  API_KEY_SCHEME,
  API_KEY_SCHEME_DESCRIPTION,
  documentEdgeErrors,
  OPENAPI_EXTRA_MODELS,
} from './common/openapi.js';
import {
  dropMediaTypeOfEmptyBody,
  frameworkErrors,
  refuseUnstorableParameters,
  registerJsonBodyParser,
} from './common/input-boundary.js';
import { validationPipe } from './common/validation.js';
import type { ApiEnv } from './config/api-env.js';
import { trustedProxies } from './config/trusted-proxies.js';
import { OCDS_IMPORT_PATH } from './ocds/ocds-import.controller.js';

export const API_PREFIX = 'api/v1';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Keeps a caller's `X-Request-Id` when it is sane, otherwise makes one; logs and audit events carry it. */
function requestId(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Options of the Nest application: the JSON parser is the API's own (`registerJsonBodyParser`), not Nest's. */
export const NEST_APP_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

/** The HTTP server: Fastify, with the body limit from the configuration. */
export function createFastifyAdapter(env: ApiEnv): FastifyAdapter {
  // Only the configured proxies' X-Forwarded-For names the client; anyone else could rotate it to dodge the limit.
  const proxies = trustedProxies(env.TRUST_PROXY);
  return new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: proxies.length > 0 ? proxies : false,
    genReqId: requestId,
    frameworkErrors,
  });
}

/** Everything between Nest and the wire; shared by main.ts and the e2e tests so both behave the same. */
export async function configureApp(app: NestFastifyApplication, env: ApiEnv): Promise<void> {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: '/', method: RequestMethod.GET },
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new ErrorResponseFilter());
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  fastify.addHook('onRequest', dropMediaTypeOfEmptyBody);
  fastify.addHook('preValidation', refuseUnstorableParameters);
  // The API speaks JSON; routes that take other media types register their own parsers.
  fastify.removeContentTypeParser('text/plain');
  registerJsonBodyParser(fastify);
  await registerCsvStreamParsers(fastify, env.IMPORT_LIMIT_BYTES);
  // OCDS packages are whole JSON documents, far larger than any other body: only their route gets the larger limit.
  fastify.addHook('onRoute', (route) => {
    if (route.url === `/${API_PREFIX}/${OCDS_IMPORT_PATH}`) route.bodyLimit = env.OCDS_IMPORT_LIMIT_BYTES;
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The API docs page styles itself inline and shows data: images.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        // Operators often run the API over plain HTTP on a private network; TLS is the proxy's business.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    max: env.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    allowList: (request) => request.url.startsWith('/health'),
    errorResponseBuilder: (_request, context) => ({
      ...errorBody(429, `Too many requests: at most ${context.max} a minute; try again in ${context.after}`),
    }),
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Contract Performance Tracker')
      .setDescription('Procurement with measurable KPIs: contracts, vendors, evaluations, notifications and reports.')
      .setVersion('1')
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', bearerFormat: 'API key', description: API_KEY_SCHEME_DESCRIPTION },
        API_KEY_SCHEME,
      )
      .build(),
    { extraModels: OPENAPI_EXTRA_MODELS },
  );
  documentEdgeErrors(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
