import { finished, Readable, Transform } from 'node:stream';
import {
  applyDecorators,
  createParamDecorator,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
  type ExecutionContext,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes a `text/csv` body as a stream. */
    csvStream?: boolean;
  }
}

const jsonOnly = () => new UnsupportedMediaTypeException('This route takes JSON only');

const tooLarge = (limitBytes: number) =>
  new PayloadTooLargeException(`The file is larger than the import limit of ${limitBytes} bytes`);

/** Marks (and documents) a route whose `text/csv` body arrives unread, as a byte stream: see `CsvStream()`. */
export const AcceptsCsvStream = (description: string): MethodDecorator =>
  applyDecorators(
    RouteConfig({ csvStream: true }),
    ApiConsumes('text/csv'),
    ApiBody({ description, schema: { type: 'string' } }),
  );

/** The request's CSV body as a byte stream; a route marked `@AcceptsCsvStream()` gets 415 for any other media type. */
export const CsvStream = createParamDecorator((_data: unknown, context: ExecutionContext): Readable => {
  const body = context.switchToHttp().getRequest<FastifyRequest>().body;
  if (!(body instanceof Readable)) throw new UnsupportedMediaTypeException('Send the file as Content-Type: text/csv');
  return body;
});

/**
 * Hands `text/csv` bodies to the routes that ask for them unread, so a file larger than memory can be streamed.
 * Fastify's body limit applies only to bodies it buffers, so the bytes are counted here: a declared length over
 * the limit is refused before reading, an undeclared one fails the stream once it passes the limit.
 */
export function registerCsvStreamParser(fastify: FastifyInstance, limitBytes: number): void {
  fastify.addContentTypeParser('text/csv', (request, payload, done) => {
    if (!request.routeOptions.config.csvStream) return done(jsonOnly());
    if (Number(request.headers['content-length']) > limitBytes) return done(tooLarge(limitBytes));
    done(null, withByteLimit(payload, limitBytes));
  });
}

function withByteLimit(payload: Readable, limitBytes: number): Readable {
  let received = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received <= limitBytes) return callback(null, chunk);
      // Stop reading: the error answer closes the connection rather than draining the rest of an oversized upload.
      payload.unpipe(counted);
      callback(tooLarge(limitBytes));
    },
  });
  // pipe() forwards no errors: a client that goes away mid-upload must fail the reader, not leave it waiting.
  finished(payload, (error) => {
    if (error && !counted.destroyed) counted.destroy(error);
  });
  // Bytes flow in before the route runs (or when it refuses the request and never reads): an error then has no
  // reader yet and must not be an unhandled 'error' event. A reader that comes later still gets it.
  counted.on('error', () => undefined);
  return payload.pipe(counted);
}
