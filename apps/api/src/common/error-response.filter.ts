import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { DomainError, type DomainErrorCode } from '#domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { errorBody, type ErrorBody } from './error-body.js';
import { InvalidInputException } from './validation.js';

// The Record makes the compiler insist that every domain code has a status.
const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  INVALID_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  NO_RECENT_EVALUATION: 409,
};

const BODY_PARSE_ERRORS = new Set(['FST_ERR_CTP_INVALID_JSON_BODY', 'FST_ERR_CTP_EMPTY_JSON_BODY']);

const camel = (column: string) => column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** Turns every error into the body of the product design (§4); anything unexpected is a 500 with a generic message. */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorResponseFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const body = this.toBody(exception, request);
    if (body.statusCode === 401) void reply.header('www-authenticate', 'Bearer');
    // Answering before the body has been read (a streamed upload refused part-way): the client may still be
    // sending, so the connection cannot carry another request.
    if (!request.raw.complete) void reply.header('connection', 'close');
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof InvalidInputException) return errorBody(400, exception.message, exception.details);
    if (exception instanceof DomainError) {
      return errorBody(DOMAIN_STATUS[exception.code], exception.message, exception.details, exception.code);
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    const fromDatabase = fromQueryFailed(exception);
    if (fromDatabase) return fromDatabase;
    const status = (exception as { statusCode?: number }).statusCode;
    // Errors raised by Fastify itself before Nest sees the request (bad JSON, too large, wrong media type).
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return errorBody(status, (exception as Error).message);
    }
    this.logger.error({ err: exception, requestId: request.id, url: request.url }, 'unhandled error');
    return errorBody(500, 'Something went wrong on our side; the error has been logged.');
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  // Fastify's body parser failed and Nest wrapped its error: the body is not JSON at all, so the problem is at the
  // root of the document ("$").
  const cause = (exception.cause as { code?: string; message?: string } | undefined) ?? {};
  if (BODY_PARSE_ERRORS.has(cause.code ?? '')) {
    return errorBody(status, cause.message ?? exception.message, [
      { field: '$', message: cause.message ?? exception.message },
    ]);
  }
  const response = exception.getResponse();
  const message =
    typeof response === 'string'
      ? response
      : Array.isArray((response as { message?: unknown }).message)
        ? (response as { message: string[] }).message.join('; ')
        : String((response as { message?: unknown }).message ?? exception.message);
  return errorBody(status, message);
}

/** Constraint violations that slipped past a service's own checks (a race between two requests). */
function fromQueryFailed(exception: unknown): ErrorBody | null {
  if (!(exception instanceof QueryFailedError)) return null;
  const driverError = exception.driverError as { code?: string; detail?: string };
  if (driverError.code === '23505') {
    const column = /^Key \(([^)]+)\)=/.exec(driverError.detail ?? '')?.[1] ?? 'value';
    const fields = column.split(',').map((name) => camel(name.trim()));
    return errorBody(
      409,
      `Another record already has this ${fields.join(' and ')}`,
      fields.map((field) => ({ field, message: `${field} is already taken` })),
    );
  }
  if (driverError.code === '23503') return errorBody(409, 'The change refers to, or is referred to by, another record');
  if (driverError.code === '23502') {
    const field = camel((driverError as { column?: string }).column ?? 'value');
    return errorBody(400, `${field} must have a value`, [{ field, message: `${field} must have a value` }]);
  }
  if (driverError.code === '22P02' || driverError.code === '22003')
    return errorBody(400, 'A value has the wrong form or is out of range');
  return null;
}
