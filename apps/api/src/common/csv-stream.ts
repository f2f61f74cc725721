import { finished, Readable, Transform } from 'node:stream';
import multipart, { type Multipart } from '@fastify/multipart';
import {
  applyDecorators,
  BadRequestException,
  createParamDecorator,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
  type ExecutionContext,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasEmptyBody, mediaTypeOf } from './input-boundary.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes a CSV file as a stream: a `text/csv` body or the one file of a form. */
    csvStream?: boolean;
  }
  interface FastifyInstance {
    /** The largest CSV file a route marked `@AcceptsCsvStream()` takes, in bytes. */
    csvLimitBytes: number;
  }
}

const FORM = 'multipart/form-data';

const jsonOnly = () => new UnsupportedMediaTypeException('This route takes JSON only');

const tooLarge = (limitBytes: number) =>
  new PayloadTooLargeException(`The file is larger than the import limit of ${limitBytes} bytes`);

const notOneFile = (found: string) =>
  new BadRequestException(`The form must hold exactly one part, the CSV file; ${found}`);

/**
 * Marks (and documents) a route whose CSV file arrives unread, as a byte stream: a `text/csv` body, or the one
 * file part of a `multipart/form-data` form (`curl -F file=@measurements.csv`). See `CsvFile()`.
 */
export const AcceptsCsvStream = (description: string): MethodDecorator =>
  applyDecorators(
    RouteConfig({ csvStream: true }),
    // Each media type has its own schema, which @ApiBody() cannot say.
    ApiOperation({
      requestBody: {
        required: true,
        description,
        content: {
          'text/csv': { schema: { type: 'string' } },
          [FORM]: {
            schema: {
              type: 'object',
              required: ['file'],
              properties: { file: { type: 'string', format: 'binary', description: 'The CSV file, its only part' } },
            },
          },
        },
      },
    }),
  );

/** Opens the request's CSV file as a byte stream; what is wrong with the upload is the error it rejects with. */
export type OpenCsvFile = () => Promise<Readable>;

/**
 * The request's CSV file, opened when the handler asks (so a refused request never starts reading a form): a
 * route marked `@AcceptsCsvStream()` gets 415 for any media type but `text/csv` and `multipart/form-data`.
 */
export const CsvFile = createParamDecorator((_data: unknown, context: ExecutionContext): OpenCsvFile => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return async () => {
    if (request.body instanceof Readable) return request.body;
    if (request.isMultipart()) return formFile(request, request.server.csvLimitBytes);
    throw new UnsupportedMediaTypeException(`Send the file as Content-Type: text/csv or as the one file of a ${FORM}`);
  };
});

/** The next part of a form, with what breaks the form's syntax as a 400 (limits keep their own status). */
async function nextPart(parts: AsyncIterator<Multipart>): Promise<Multipart | null> {
  try {
    const next = await parts.next();
    return next.done ? null : next.value;
  } catch (error) {
    throw formError(error);
  }
}

const formError = (error: unknown): Error =>
  error instanceof HttpException || typeof (error as { statusCode?: unknown }).statusCode === 'number'
    ? (error as Error)
    : new BadRequestException(`The body is not a valid ${FORM} form: ${(error as Error).message}`);

/**
 * The one file part of a form, as a stream that fails when the file passes the limit or the form goes on after
 * it: the stream ends only once the whole form is read, so no import completes on a form that turns out wrong.
 */
async function formFile(request: FastifyRequest, limitBytes: number): Promise<Readable> {
  const parts = request.parts({ limits: { fileSize: limitBytes } });
  const first = await nextPart(parts);
  if (first === null) throw notOneFile('this one has no file');
  if (first.type !== 'file') throw notOneFile(`this one has the field "${first.fieldname}"`);
  const { file } = first;
  // Past the limit busboy quietly drops the rest of the file: stop reading at once (or, when busboy got there
  // before this listener, once the cut file has been read).
  file.once('limit', () => file.destroy(tooLarge(limitBytes)));
  async function* contents(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of file) yield chunk as Buffer;
    } catch (error) {
      throw formError(error);
    }
    if (file.truncated) throw tooLarge(limitBytes);
    const after = await nextPart(parts);
    if (after !== null) throw notOneFile(`this one has a further ${after.type} "${after.fieldname}"`);
  }
  return Readable.from(contents(), { objectMode: false });
}

/**
 * Hands CSV files to the routes that ask for them unread, so a file larger than memory can be streamed. Fastify's
 * body limit applies only to bodies it buffers, so the bytes are counted here: a declared `text/csv` length over
 * the limit is refused before reading, an undeclared one fails the stream once it passes the limit; a form's file
 * is held to the same limit. Every other route refuses both media types with 415.
 */
export async function registerCsvStreamParsers(fastify: FastifyInstance, limitBytes: number): Promise<void> {
  fastify.decorate('csvLimitBytes', limitBytes);
  fastify.addContentTypeParser('text/csv', (request, payload, done) => {
    if (!request.routeOptions.config.csvStream) return done(jsonOnly());
    if (Number(request.headers['content-length']) > limitBytes) return done(tooLarge(limitBytes));
    done(null, withByteLimit(payload, limitBytes));
  });
  // The plugin's parser only marks a request as a form; its parts are read when the handler opens the file.
  await fastify.register(multipart);
  fastify.addHook('onRequest', refuseFormsOutsideCsvRoutes);
}

/** A form is read only by routes that take a CSV file; elsewhere it is a 415, and an empty one is no body at all. */
async function refuseFormsOutsideCsvRoutes(request: FastifyRequest): Promise<void> {
  if (mediaTypeOf(request) !== FORM || request.routeOptions.config.csvStream) return;
  if (!hasEmptyBody(request)) throw jsonOnly();
  delete request.headers['content-type'];
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
